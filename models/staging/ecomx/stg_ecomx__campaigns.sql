with

source as (

    select * from {{ read_csv_source('ecomx', 'marketing') }}

),

renamed as (

    select
        campaign_id,
        customer_id,
        response,
        response = 'Yes' as is_responded,
        promotion_type,
        campaign_date

    from source

)

select * from renamed
