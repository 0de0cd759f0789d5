with

source as (

    select * from {{ read_csv_source('olist', 'customers') }}

),

renamed as (

    select
        customer_id,
        customer_unique_id,
        customer_zip_code_prefix,
        customer_city,
        customer_state,
        {{ malformed_numbers('olist', 'customers') }} as malformed_numbers
        {{- parquet_row_number('olist', 'customers') }}

    from source

)

select * from renamed
