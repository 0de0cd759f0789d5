{%- set columns = ['customer_id', 'customer_unique_id', 'customer_zip_code_prefix', 'customer_city', 'customer_state'] -%}

with

customers as (

    select * from {{ ref('stg_olist__customers') }}

),

flagged as (

    {{ flag_duplicates('customers', ['customer_id'], columns) | indent(4) }}

),

final as (

    select
        {{ columns | join(',\n        ') }},
        customer_id as record_key,
        {{ first_reason([
            ["customer_id is null or customer_unique_id is null", "'missing_required_value'"],
            ["customer_id <> lower(trim(customer_id)) or customer_unique_id <> lower(trim(customer_unique_id))", "'malformed_key'"],
            ["duplicate_reason is not null", "duplicate_reason"],
        ]) }} as dq_reason,
        cast(null as {{ dbt.type_string() }}) as dq_detail

    from flagged

)

select * from final
