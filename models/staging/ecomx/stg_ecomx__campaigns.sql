with

source as (

    select * from {{ read_csv_source('ecomx', 'marketing') }}

),

renamed as (

    select
        {{ strict_number('ecomx', 'marketing', 'campaign_id') }} as campaign_id,
        {{ strict_number('ecomx', 'marketing', 'customer_id') }} as customer_id,
        response,
        promotion_type,
        campaign_date,
        {{ malformed_numbers('ecomx', 'marketing') }} as malformed_numbers
        {{- parquet_row_number('ecomx', 'marketing') }}

    from source

)

select * from renamed
