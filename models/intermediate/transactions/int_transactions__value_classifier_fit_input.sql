{{ config(materialized='table') }}

{#- The customers the value classifiers are fitted on: the training window's (features before the cutoff,
    outcomes up to the calibration end), all or a sample above var ml_fit_max_customers. -#}
with

customers as (

    select * from {{ ref('int_transactions__value_training_features') }}

),

final as (

    {{ fit_sample('customers', 'customer_id', 'buys_again') | indent(4) }}

)

select * from final
