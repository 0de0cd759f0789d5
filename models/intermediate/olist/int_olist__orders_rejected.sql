{%- set columns = ['order_id', 'customer_id', 'order_status', 'purchased_at', 'approved_at',
    'delivered_to_carrier_at', 'delivered_to_customer_at', 'estimated_delivery_at'] -%}
{%- set known_statuses = ['delivered', 'shipped', 'canceled', 'unavailable', 'invoiced', 'processing',
    'created', 'approved'] -%}

with

orders as {{ inlined() }} (

    {{ staging_rows(ref('stg_olist__orders')) }}

),

customer_status as (

    {{ key_status(ref('int_olist__customers_validated'), 'customer_id') }}

),

bounds as (

    {{ date_bounds(ref('stg_olist__orders'), 'purchased_at', 'olist') }}

),

flagged as (

    {{ flag_duplicates('orders', ['order_id'], columns) | indent(4) }}

),

final as (

    select
        flagged.source_row,
        {{ first_reason([
            [is_after_as_of_date('flagged.purchased_at'), "'after_as_of_date'"],
            ["flagged.malformed_numbers is not null", "'invalid_number'"],
            ["flagged.order_id is null or flagged.customer_id is null or flagged.order_status is null or flagged.purchased_at is null", "'missing_required_value'"],
            ["flagged.order_id <> lower(trim(flagged.order_id)) or flagged.customer_id <> lower(trim(flagged.customer_id))", "'malformed_key'"],
            ["flagged.duplicate_reason is not null", "flagged.duplicate_reason"],
            ["flagged.order_status not in ('" ~ known_statuses | join("', '") ~ "')", "'unknown_status'"],
            [date_out_of_range('flagged.purchased_at'), "'date_out_of_range'"],
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
