{#- A plain transaction file has no key: two identical lines are two purchases (CDNOW has 21 such), so
    there is no duplicate rule here; a re-sent file shows up in the reconciliation's row counts instead. -#}
with

transactions as {{ inlined() }} (

    {{ staging_rows(ref('stg_transactions__transactions')) }}

),

bounds as (

    {{ date_bounds(ref('stg_transactions__transactions'), 'transaction_at', 'transactions') }}

),

final as (

    select
        transactions.source_row,
        {{ first_reason([
            [is_after_as_of_date('transactions.transaction_at'), "'after_as_of_date'"],
            ["transactions.malformed_numbers is not null", "'invalid_number'"],
            ["transactions.customer_id is null or trim(transactions.customer_id) = '' or transactions.transaction_at is null or transactions.amount is null", "'missing_required_value'"],
            ["transactions.amount < 0", "'negative_amount'"],
            ["transactions.amount > " ~ var('transactions_max_amount'), "'amount_too_large'"],
            [date_out_of_range('transactions.transaction_at'), "'date_out_of_range'"],
        ]) }} as dq_reason

    from transactions
    cross join bounds

)

select * from final
where dq_reason is not null
