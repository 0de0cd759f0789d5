{{ config(materialized='table') }}

with

customers as (

    select * from {{ ref('int_ecomx__customers_validated') }}
    where dq_reason is null

),

transactions as (

    select * from {{ ref('int_ecomx__transactions_per_customer') }}

),

engagements as (

    select * from {{ ref('int_ecomx__engagements_validated') }}
    where dq_reason is null

),

campaigns as (

    select * from {{ ref('int_ecomx__campaigns_per_customer') }}

),

rfm as (

    select * from {{ ref('ecomx_customer_rfm') }}

),

reference as (

    select * from {{ ref('int_ecomx__reference_date') }}

),

final as (

    select
        customers.customer_id,
        reference.reference_date,
        coalesce(transactions.total_spend, 0) as total_spend,
        coalesce(transactions.n_transactions, 0) as n_transactions,
        cast(transactions.total_spend as double) / transactions.n_transactions as avg_transaction_amount,
        transactions.first_transaction_date,
        transactions.last_transaction_date,
        rfm.recency_days,
        cast({{ dbt.datediff('customers.join_date', 'reference.reference_date', 'day') }} as bigint) as tenure_days,
        {%- for column in var('ecomx_product_categories') %}
        coalesce(transactions.spend_{{ column }}, 0) as spend_{{ column }},
        {%- endfor %}
        engagements.site_visits,
        engagements.emails_opened,
        engagements.clicks,
        coalesce(campaigns.campaigns_received, 0) as campaigns_received,
        coalesce(campaigns.campaigns_responded, 0) as campaigns_responded,
        cast(campaigns.campaigns_responded as double)
            / nullif(campaigns.campaigns_received, 0) as response_rate,
        {%- for column in var('ecomx_promotion_types') %}
        coalesce(campaigns.responded_{{ column }}, false) as responded_{{ column }},
        {%- endfor %}
        customers.join_date,
        customers.age,
        customers.gender

    from customers
    cross join reference
    left join transactions on customers.customer_id = transactions.customer_id
    left join engagements on customers.customer_id = engagements.customer_id
    left join campaigns on customers.customer_id = campaigns.customer_id
    left join rfm on customers.customer_id = rfm.customer_id

)

select * from final
