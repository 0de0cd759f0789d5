{%- set columns = ['customer_id', 'join_date', 'reported_last_purchase_date', 'age', 'gender', 'location'] -%}

with

customers as {{ inlined() }} (

    {{ staging_rows(ref('stg_ecomx__customers')) }}

),

bounds as (

    {{ date_bounds(ref('stg_ecomx__customers'), 'join_date', 'ecomx') }}

),

flagged as (

    {{ flag_duplicates('customers', ['customer_id'], columns) | indent(4) }}

),

final as (

    select
        flagged.source_row,
        {{ first_reason([
            [is_after_as_of_date('flagged.join_date'), "'after_as_of_date'"],
            ["flagged.malformed_numbers is not null", "'invalid_number'"],
            ["flagged.customer_id is null or flagged.join_date is null", "'missing_required_value'"],
            ["flagged.duplicate_reason is not null", "flagged.duplicate_reason"],
            [date_out_of_range('flagged.join_date'), "'date_out_of_range'"],
            ["flagged.age < 0 or flagged.age > " ~ var('ecomx_max_age'), "'age_out_of_range'"],
            ["flagged.gender not in ('Male', 'Female')", "'unknown_gender'"],
        ]) }} as dq_reason

    from flagged
    cross join bounds

)

select * from final
where dq_reason is not null
