{#- Annualised spend and its quartile class, as the EcomX notebook: thresholds are the 25th and 75th
    percentiles of clv over all customers (linear interpolation, as pandas' quantile). -#}
with

features as (

    select * from {{ ref('ecomx_customer_features') }}

),

clv as (

    select
        customer_id,
        reference_date,
        total_spend,
        tenure_days,
        -- a customer who joined on the reference date has 0 days of tenure: count it as 1 day
        cast(total_spend as double) / (greatest(tenure_days, 1) / 365.0) as clv

    from features

),

thresholds as (

    select
        percentile_cont(0.25) within group (order by clv) as q1,
        percentile_cont(0.75) within group (order by clv) as q3

    from clv

),

final as (

    select
        clv.customer_id,
        clv.reference_date,
        clv.total_spend,
        clv.tenure_days,
        clv.clv,
        case
            when clv.clv < thresholds.q1 then 'Low'
            when clv.clv < thresholds.q3 then 'Medium'
            else 'High'
        end as clv_class

    from clv
    cross join thresholds

)

select * from final
order by customer_id
