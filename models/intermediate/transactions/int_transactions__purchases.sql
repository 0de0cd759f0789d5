{#- The accepted purchases in the shape every forward-looking model reads (macros/value/), numbered so
    that RFM can count them (identical lines are interchangeable, so the numbering is deterministic in
    effect). -#}
with

transactions as (

    select * from {{ ref('int_transactions__transactions_validated') }}
    where dq_reason is null

),

final as (

    select
        customer_id,
        row_number() over (order by customer_id, transaction_at, amount) as purchase_id,
        transaction_at as purchased_at,
        amount

    from transactions

)

select * from final
