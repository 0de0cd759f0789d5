with

source as (

    select * from {{ read_csv_source('ecomx', 'engagements') }}

),

renamed as (

    select
        {{ strict_number('ecomx', 'engagements', 'customer_id') }} as customer_id,
        {{ strict_number('ecomx', 'engagements', 'number_of_site_visits') }} as site_visits,
        {{ strict_number('ecomx', 'engagements', 'number_of_emails_opened') }} as emails_opened,
        {{ strict_number('ecomx', 'engagements', 'number_of_clicks') }} as clicks,
        {{ malformed_numbers('ecomx', 'engagements') }} as malformed_numbers
        {{- parquet_row_number('ecomx', 'engagements') }}

    from source

)

select * from renamed
