{{ config(materialized='table') }}

{#- The customers the high-value model is fitted on, labelled (all, or a sample above var
    ml_fit_max_customers, stratified by the label). -#}
with

customers as (

    select
        customer_unique_id,
        {{ var('high_value_features') | join(', ') }},
        case when segment_id = 1 then 1 else 0 end as is_high_value

    from {{ ref('olist_customer_segments') }}

),

final as (

    {{ fit_sample('customers', 'customer_unique_id', stratify_by='is_high_value') | indent(4) }}

)

select * from final
