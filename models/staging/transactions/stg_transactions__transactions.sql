with

source as (

    select * from {{ read_csv_source('transactions', 'transactions') }}

),

renamed as (

    select
        customer_id,
        transaction_at,
        {{ strict_number('transactions', 'transactions', 'amount') }} as amount,
        {{ malformed_numbers('transactions', 'transactions') }} as malformed_numbers
        {{- parquet_row_number('transactions', 'transactions') }}

    from source

)

select * from renamed
