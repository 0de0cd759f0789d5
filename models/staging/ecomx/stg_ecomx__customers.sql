with

source as (

    select * from {{ read_csv_source('ecomx', 'customers') }}

),

renamed as (

    select
        customer_id,
        join_date,
        last_purchase_date as reported_last_purchase_date,
        age,
        gender,
        location

    from source

)

select * from renamed
