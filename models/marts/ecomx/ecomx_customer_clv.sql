with

classes as (

    select * from {{ ref('int_ecomx__customer_clv_classes') }}

),

final as (

    select
        customer_id,
        reference_date,
        total_spend,
        tenure_days,
        clv,
        clv_class

    from classes

)

select * from final
order by customer_id
