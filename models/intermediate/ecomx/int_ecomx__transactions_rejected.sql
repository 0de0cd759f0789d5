{%- set columns = ['transaction_id', 'customer_id', 'transaction_date', 'transaction_amount', 'product_category'] -%}

with

transactions as {{ inlined() }} (

    {{ staging_rows(ref('stg_ecomx__transactions')) }}

),

customer_status as (

    {{ key_status(ref('int_ecomx__customers_validated'), 'customer_id') }}

),

bounds as (

    {{ date_bounds(ref('stg_ecomx__transactions'), 'transaction_date', 'ecomx') }}

),

flagged as (

    {{ flag_duplicates('transactions', ['transaction_id'], columns) | indent(4) }}

),

final as (

    select
        flagged.source_row,
        {{ first_reason([
            [is_after_as_of_date('flagged.transaction_date') ~ " or coalesce(customer_status.is_after_as_of_date, false)", "'after_as_of_date'"],
            ["flagged.malformed_numbers is not null", "'invalid_number'"],
            ["flagged.transaction_id is null or flagged.customer_id is null or flagged.transaction_date is null or flagged.transaction_amount is null", "'missing_required_value'"],
            ["flagged.duplicate_reason is not null", "flagged.duplicate_reason"],
            ["flagged.transaction_amount < 0", "'negative_amount'"],
            ["flagged.transaction_amount > " ~ var('ecomx_max_transaction_amount'), "'amount_too_large'"],
            ["coalesce(flagged.product_category not in ('" ~ var('ecomx_product_categories').values() | join("', '") ~ "'), true)", "'unknown_category'"],
            [date_out_of_range('flagged.transaction_date'), "'date_out_of_range'"],
            ["customer_status.customer_id is null", "'unknown_customer'"],
            ["not customer_status.is_accepted", "'customer_quarantined'"],
        ]) }} as dq_reason

    from flagged
    cross join bounds
    left join customer_status
        on flagged.customer_id = customer_status.customer_id

)

select * from final
where dq_reason is not null
