with

source as (

    select * from {{ read_csv_source('ecomx', 'transactions') }}

),

renamed as (

    select
        {{ strict_number('ecomx', 'transactions', 'transaction_id') }} as transaction_id,
        {{ strict_number('ecomx', 'transactions', 'customer_id') }} as customer_id,
        transaction_date,
        {{ strict_number('ecomx', 'transactions', 'transaction_amount') }} as transaction_amount,
        product_category,
        {{ malformed_numbers('ecomx', 'transactions') }} as malformed_numbers
        {{- parquet_row_number('ecomx', 'transactions') }}

    from source

)

select * from renamed
