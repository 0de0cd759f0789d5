with

orders as (

    select * from {{ ref('int_olist__orders_with_payments') }}

),

final as (

    select
        order_id,
        customer_id,
        customer_unique_id,
        purchased_at,
        order_status,
        is_delivered,
        payment_total,
        has_payment,
        payment_rows

    from orders

)

select * from final
order by order_id
