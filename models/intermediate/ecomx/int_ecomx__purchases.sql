{#- The accepted transactions in the shape every forward-looking model reads (macros/value/): the same
    rows and money as the RFM (ecomx_customer_rfm). -#}
with

transactions as (

    select * from {{ ref('int_ecomx__transactions_validated') }}
    where dq_reason is null

),

final as (

    select
        customer_id,
        transaction_id as purchase_id,
        cast(transaction_date as timestamp) as purchased_at,
        transaction_amount as amount

    from transactions

)

select * from final
