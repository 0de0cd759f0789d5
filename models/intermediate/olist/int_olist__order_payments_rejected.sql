{%- set columns = ['order_id', 'payment_sequential', 'payment_type', 'payment_installments', 'payment_value'] -%}

with

payments as {{ inlined() }} (

    {{ staging_rows(ref('stg_olist__order_payments')) }}

),

order_status as (

    {{ key_status(ref('int_olist__orders_validated'), 'order_id') }}

),

flagged as (

    {{ flag_duplicates('payments', ['order_id', 'payment_sequential'], columns) | indent(4) }}

),

final as (

    select
        flagged.source_row,
        {{ first_reason([
            ["coalesce(order_status.is_after_as_of_date, false)", "'after_as_of_date'"],
            ["flagged.malformed_numbers is not null", "'invalid_number'"],
            ["flagged.order_id is null or flagged.payment_sequential is null or flagged.payment_value is null", "'missing_required_value'"],
            ["flagged.order_id <> lower(trim(flagged.order_id))", "'malformed_key'"],
            ["flagged.duplicate_reason is not null", "flagged.duplicate_reason"],
            ["flagged.payment_value < 0", "'negative_amount'"],
            ["flagged.payment_sequential < 1 or flagged.payment_installments < 0", "'negative_count'"],
            ["flagged.payment_value > " ~ var('olist_max_payment_value'), "'amount_too_large'"],
            ["order_status.order_id is null", "'unknown_order'"],
            ["not order_status.is_accepted", "'order_quarantined'"],
        ]) }} as dq_reason

    from flagged
    left join order_status
        on flagged.order_id = order_status.order_id

)

select * from final
where dq_reason is not null
