{{ config(materialized='table') }}

{#- The customers the CLV-class models are fitted on (all, or a sample above var ml_fit_max_customers,
    stratified by class). -#}
with

customers as (

    select * from {{ ref('int_ecomx__clv_classifier_input') }}

),

final as (

    {{ fit_sample('customers', 'customer_id', stratify_by='clv_class') | indent(4) }}

)

select * from final
