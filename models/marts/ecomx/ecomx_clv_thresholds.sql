with

clv as (

    select * from {{ ref('ecomx_customer_clv') }}

),

final as (

    select
        max(reference_date) as reference_date,
        percentile_cont(0.25) within group (order by clv) as q1,
        percentile_cont(0.75) within group (order by clv) as q3,
        count(case when clv_class = 'Low' then 1 end) as low_customers,
        count(case when clv_class = 'Medium' then 1 end) as medium_customers,
        count(case when clv_class = 'High' then 1 end) as high_customers,
        count(*) as customers

    from clv

)

select * from final
