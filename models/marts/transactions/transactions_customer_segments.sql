with

segments as (

    select * from {{ ref('int_transactions__customer_segments') }}

),

final as (

    select
        customer_id,
        segment_id,
        segment_name,
        segment_role,
        recency_days,
        frequency,
        cast(monetary as double) as monetary

    from segments

)

select * from final
order by customer_id
