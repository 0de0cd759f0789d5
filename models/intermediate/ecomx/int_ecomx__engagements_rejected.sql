{%- set columns = ['customer_id', 'site_visits', 'emails_opened', 'clicks'] -%}

with

engagements as {{ inlined() }} (

    {{ staging_rows(ref('stg_ecomx__engagements')) }}

),

customer_status as (

    {{ key_status(ref('int_ecomx__customers_validated'), 'customer_id') }}

),

flagged as (

    {{ flag_duplicates('engagements', ['customer_id'], columns) | indent(4) }}

),

final as (

    select
        flagged.source_row,
        {{ first_reason([
            ["coalesce(customer_status.is_after_as_of_date, false)", "'after_as_of_date'"],
            ["flagged.malformed_numbers is not null", "'invalid_number'"],
            ["flagged.customer_id is null or flagged.site_visits is null or flagged.emails_opened is null or flagged.clicks is null", "'missing_required_value'"],
            ["flagged.duplicate_reason is not null", "flagged.duplicate_reason"],
            ["flagged.site_visits < 0 or flagged.emails_opened < 0 or flagged.clicks < 0", "'negative_count'"],
            ["customer_status.customer_id is null", "'unknown_customer'"],
            ["not customer_status.is_accepted", "'customer_quarantined'"],
        ]) }} as dq_reason

    from flagged
    left join customer_status
        on flagged.customer_id = customer_status.customer_id

)

select * from final
where dq_reason is not null
