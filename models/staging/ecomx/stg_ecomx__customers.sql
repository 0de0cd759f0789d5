with

source as (

    select * from {{ read_csv_source('ecomx', 'customers') }}

),

renamed as (

    select
        {{ strict_number('ecomx', 'customers', 'customer_id') }} as customer_id,
        join_date,
        last_purchase_date as reported_last_purchase_date,
        {{ strict_number('ecomx', 'customers', 'age') }} as age,
        gender,
        location,
        {{ malformed_numbers('ecomx', 'customers') }} as malformed_numbers
        {{- parquet_row_number('ecomx', 'customers') }}

    from source

)

select * from renamed
