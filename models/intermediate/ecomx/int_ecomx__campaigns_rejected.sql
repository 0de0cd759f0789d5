{%- set columns = ['campaign_id', 'customer_id', 'response', 'promotion_type', 'campaign_date'] -%}

with

campaigns as {{ inlined() }} (

    {{ staging_rows(ref('stg_ecomx__campaigns')) }}

),

customer_status as (

    {{ key_status(ref('int_ecomx__customers_validated'), 'customer_id') }}

),

bounds as (

    {{ date_bounds(ref('stg_ecomx__campaigns'), 'campaign_date', 'ecomx') }}

),

flagged as (

    {{ flag_duplicates('campaigns', ['campaign_id', 'customer_id'], columns) | indent(4) }}

),

final as (

    select
        flagged.source_row,
        {{ first_reason([
            [is_after_as_of_date('flagged.campaign_date') ~ " or coalesce(customer_status.is_after_as_of_date, false)", "'after_as_of_date'"],
            ["flagged.malformed_numbers is not null", "'invalid_number'"],
            ["flagged.campaign_id is null or flagged.customer_id is null", "'missing_required_value'"],
            ["flagged.duplicate_reason is not null", "flagged.duplicate_reason"],
            ["coalesce(flagged.response not in ('Yes', 'No'), true)", "'unknown_response'"],
            ["coalesce(flagged.promotion_type not in ('" ~ var('ecomx_promotion_types').values() | join("', '") ~ "'), true)", "'unknown_promotion_type'"],
            [date_out_of_range('flagged.campaign_date'), "'date_out_of_range'"],
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
