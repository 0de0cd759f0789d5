with

source as (

    select * from {{ read_csv_source('ecomx', 'engagements') }}

),

renamed as (

    select
        customer_id,
        number_of_site_visits as site_visits,
        number_of_emails_opened as emails_opened,
        number_of_clicks as clicks

    from source

)

select * from renamed
