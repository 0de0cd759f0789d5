with

clv as (

    select * from {{ ref('int_ecomx__customer_clv') }}

),

quartiles as (

    select * from {{ ref('int_ecomx__clv_quartiles') }}

),

final as (

    select
        clv.customer_id,
        clv.reference_date,
        clv.total_spend,
        clv.tenure_days,
        clv.clv,
        case
            when clv.clv < quartiles.q1 then 'Low'
            when clv.clv < quartiles.q3 then 'Medium'
            else 'High'
        end as clv_class

    from clv
    cross join quartiles

)

select * from final
order by customer_id
