{#- The CLV class thresholds, computed once: the 25th and 75th percentiles of clv over all customers
    (linear interpolation, as pandas' quantile). -#}
with

clv as (

    select * from {{ ref('int_ecomx__customer_clv') }}

),

final as (

    select
        max(reference_date) as reference_date,
        percentile_cont(0.25) within group (order by clv) as q1,
        percentile_cont(0.75) within group (order by clv) as q3

    from clv

)

select * from final
