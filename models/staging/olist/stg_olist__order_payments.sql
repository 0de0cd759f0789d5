with

source as (

    select * from {{ read_csv_source('olist', 'order_payments') }}

),

renamed as (

    select
        order_id,
        {{ strict_number('olist', 'order_payments', 'payment_sequential') }} as payment_sequential,
        payment_type,
        {{ strict_number('olist', 'order_payments', 'payment_installments') }} as payment_installments,
        {{ strict_number('olist', 'order_payments', 'payment_value') }} as payment_value,
        {{ malformed_numbers('olist', 'order_payments') }} as malformed_numbers
        {{- parquet_row_number('olist', 'order_payments') }}

    from source

)

select * from renamed
