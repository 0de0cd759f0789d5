with

source as (

    select * from {{ source('ecomx', 'customers') }}

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
