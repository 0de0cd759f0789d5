{{ config(materialized='table') }}

{#- The customers the EcomX KMeans is fitted on (all, or a sample above var ml_fit_max_customers). -#}
with

customers as (

    select * from {{ ref('int_ecomx__segment_input') }}

),

final as (

    {{ fit_sample('customers', 'customer_id') | indent(4) }}

)

select * from final
