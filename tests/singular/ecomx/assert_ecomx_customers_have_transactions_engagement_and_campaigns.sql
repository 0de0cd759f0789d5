-- In the published files every customer has transactions, an engagement row and campaigns. Many customers
-- without them mean that file was cut short at a line break, which no parser can see: their spend or
-- engagement would silently count as nothing. Fails above var dq_max_unmatched_share of customers (and above
-- 10 customers, so a tiny folder still builds).
with

customers as (

    select
        count(*) as customers,
        count(case when n_transactions = 0 then 1 end) as without_transactions,
        count(case when site_visits is null then 1 end) as without_engagement,
        count(case when campaigns_received = 0 then 1 end) as without_campaigns

    from {{ ref('ecomx_customer_features') }}

)

select *
from customers
where greatest(without_transactions, without_engagement, without_campaigns)
    > greatest(10, {{ var('dq_max_unmatched_share') }} * customers)
