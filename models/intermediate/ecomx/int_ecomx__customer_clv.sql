{#- Annualised spend per customer, as the EcomX notebook: total_spend / (tenure_days / 365), where a
    customer who joined on the reference date (0 days of tenure) counts 1 day. -#}
with

features as (

    select * from {{ ref('int_ecomx__customer_features') }}

),

final as (

    select
        customer_id,
        reference_date,
        total_spend,
        tenure_days,
        cast(total_spend as double) / (greatest(tenure_days, 1) / cast(365 as double)) as clv

    from features

)

select * from final
