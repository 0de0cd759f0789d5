{{ config(materialized='table') }}

{#- The customers the transactions KMeans is fitted on (all, or a sample above var ml_fit_max_customers). -#}
{%- set features = var('segment_features')['transactions'] -%}

with

customers as (

    select
        customer_id,
        {{ features | join(', ') }}
        {%- for column in ['recency_days', 'frequency', 'monetary'] if column not in features %}, {{ column }}{% endfor %}

    from {{ ref('transactions_customer_rfm') }}

),

final as (

    {{ fit_sample('customers', 'customer_id') | indent(4) }}

)

select * from final
