-- Delivered orders without any payment row are rare (1 in 96,478 in the Kaggle data). Many of them mean the
-- payments file was cut short at a line break, which no parser can see: every later order would silently
-- count 0 in monetary. Fails above var dq_max_unmatched_share of delivered orders (and above 10 orders,
-- so a tiny folder with one unpaid order still builds).
with

delivered as (

    select
        count(*) as delivered_orders,
        count(case when not has_payment then 1 end) as unpaid_orders

    from {{ ref('fct_olist_orders') }}
    where is_delivered

)

select *
from delivered
where unpaid_orders > greatest(10, {{ var('dq_max_unmatched_share') }} * delivered_orders)
