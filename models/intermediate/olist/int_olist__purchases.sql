{#- The delivered orders in the shape every forward-looking model reads (macros/value/): the same orders
    and money as the notebook's RFM (olist_customer_rfm). -#}
with

orders as (

    select * from {{ ref('fct_olist_orders') }}
    where is_delivered and customer_unique_id is not null

),

final as (

    select
        customer_unique_id,
        order_id as purchase_id,
        purchased_at,
        payment_total as amount

    from orders

)

select * from final
