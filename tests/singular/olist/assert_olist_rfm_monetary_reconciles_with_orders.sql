-- Delivered payment money in the order table equals the total monetary of the RFM table.
with

orders as (

    select coalesce(sum(payment_total), 0) as delivered_money
    from {{ ref('fct_olist_orders') }}
    where is_delivered

),

rfm as (

    select coalesce(sum(monetary), 0) as rfm_money
    from {{ ref('olist_customer_rfm') }}

)

select *
from orders
cross join rfm
where delivered_money <> rfm_money
