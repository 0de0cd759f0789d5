{#- Every validated order with its person and payment total (its readers: the YAML next to it). -#}
with

orders as (

    select * from {{ ref('int_olist__orders_validated') }}
    where dq_reason is null

),

customers as (

    select * from {{ ref('int_olist__customers_validated') }}
    where dq_reason is null

),

payments as (

    select * from {{ ref('int_olist__payments_per_order') }}

),

final as (

    select
        orders.order_id,
        orders.customer_id,
        customers.customer_unique_id,
        orders.purchased_at,
        orders.order_status,
        orders.order_status = 'delivered' as is_delivered,
        coalesce(payments.payment_total, 0) as payment_total,
        payments.order_id is not null as has_payment,
        coalesce(payments.payment_rows, 0) as payment_rows

    from orders
    left join customers
        on orders.customer_id = customers.customer_id
    left join payments
        on orders.order_id = payments.order_id

)

{#- Not sorted, unlike the other marts: at 100M orders DuckDB ran out of memory sorting the result of these two
    joins in one query, at a 3GB and at an 8GB limit, where the same sort of the finished table passes at 3GB
    (docs/benchmarks.md). Random order ids gain nothing from sorted storage; readers sort as they need. -#}
select * from final
