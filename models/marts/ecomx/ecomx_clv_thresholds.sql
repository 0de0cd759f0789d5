with

quartiles as (

    select * from {{ ref('int_ecomx__clv_quartiles') }}

),

classes as (

    select
        count(case when clv_class = 'Low' then 1 end) as low_customers,
        count(case when clv_class = 'Medium' then 1 end) as medium_customers,
        count(case when clv_class = 'High' then 1 end) as high_customers,
        count(*) as customers

    from {{ ref('ecomx_customer_clv') }}

),

final as (

    select
        quartiles.reference_date,
        quartiles.q1,
        quartiles.q3,
        classes.low_customers,
        classes.medium_customers,
        classes.high_customers,
        classes.customers

    from quartiles
    cross join classes

)

select * from final
