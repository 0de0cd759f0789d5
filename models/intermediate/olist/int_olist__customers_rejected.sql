{%- set columns = ['customer_id', 'customer_unique_id', 'customer_zip_code_prefix', 'customer_city', 'customer_state'] -%}

with

customers as {{ inlined() }} (

    {{ staging_rows(ref('stg_olist__customers')) }}

),

flagged as (

    {{ flag_duplicates('customers', ['customer_id'], columns) | indent(4) }}

),

final as (

    select
        flagged.source_row,
        {{ first_reason([
            ["customer_id is null or customer_unique_id is null", "'missing_required_value'"],
            ["customer_id <> lower(trim(customer_id)) or customer_unique_id <> lower(trim(customer_unique_id))", "'malformed_key'"],
            ["duplicate_reason is not null", "duplicate_reason"],
        ]) }} as dq_reason

    from flagged

)

select * from final
where dq_reason is not null
