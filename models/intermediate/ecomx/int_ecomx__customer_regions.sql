{#- Where each customer is: the location of their accepted customer record. -#}
with

customers as (

    select customer_id, location
    from {{ ref('int_ecomx__customers_validated') }}
    where dq_reason is null

),

final as (

    select
        customer_id,
        location as region

    from customers

)

select * from final
