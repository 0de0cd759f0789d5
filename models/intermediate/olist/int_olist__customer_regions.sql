{#- Where each person is: the state of the customer record on their latest delivered order (a person can
    have several records; ties on time go to the greatest order id, so the pick is deterministic). -#}
with

orders as (

    select customer_unique_id, customer_id, order_id, purchased_at
    from {{ ref('fct_olist_orders') }}
    where is_delivered and customer_unique_id is not null

),

customers as (

    select customer_id, customer_state
    from {{ ref('int_olist__customers_validated') }}
    where dq_reason is null

),

latest as (

    select customer_unique_id, customer_id
    from orders
    qualify row_number() over (
        partition by customer_unique_id order by purchased_at desc, order_id desc
    ) = 1

),

final as (

    select
        latest.customer_unique_id,
        customers.customer_state as region

    from latest
    inner join customers
        on latest.customer_id = customers.customer_id

)

select * from final
