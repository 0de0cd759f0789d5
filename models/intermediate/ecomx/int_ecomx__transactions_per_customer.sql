{#- One row per customer with transactions, aggregated before any join (no campaign fan-out). -#}

with

transactions as (

    select * from {{ ref('int_ecomx__transactions_validated') }}
    where dq_reason is null

),

final as (

    select
        customer_id,
        {{ money_sum('transaction_amount') }} as total_spend,
        count(*) as n_transactions,
        min(transaction_date) as first_transaction_date,
        max(transaction_date) as last_transaction_date,
        {%- for column, category in var('ecomx_product_categories').items() %}
        {{ money_sum("case when product_category = '" ~ category ~ "' then transaction_amount else 0 end") }} as spend_{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from transactions
    group by customer_id

)

select * from final
