with

source as (

    select * from {{ read_csv_source('ecomx', 'transactions') }}

),

renamed as (

    select
        transaction_id,
        customer_id,
        transaction_date,
        transaction_amount,
        product_category

    from source

)

select * from renamed
