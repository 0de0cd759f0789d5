{{ config(materialized='table') }}

{#- The customers the Olist KMeans is fitted on (all, or a sample above var ml_fit_max_customers). -#}
{%- set features = var('segment_features')['olist'] -%}

with

customers as (

    select
        customer_unique_id,
        {{ features | join(', ') }}
        {%- for column in ['recency_days', 'frequency', 'monetary'] if column not in features %}, {{ column }}{% endfor %}

    from {{ ref('olist_customer_rfm') }}

),

final as (

    {{ fit_sample('customers', 'customer_unique_id') | indent(4) }}

)

select * from final
