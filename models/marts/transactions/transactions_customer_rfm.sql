with

rfm as (

    select * from {{ ref('int_transactions__customer_rfm') }}

),

final as (

    select
        customer_id,
        reference_date,
        first_purchase_at,
        last_purchase_at,
        recency_days,
        frequency,
        monetary

    from rfm

)

select * from final
order by customer_id
