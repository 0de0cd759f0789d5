with

segments as (

    select * from {{ ref('int_olist__customer_segments') }}

),

final as (

    select
        customer_unique_id,
        segment_id,
        segment_name,
        segment_role,
        recency_days,
        frequency,
        cast(monetary as double) as monetary

    from segments

)

select * from final
order by customer_unique_id
