with

coefficients as (

    select * from {{ ref('olist_high_value_coefficients') }}

),

final as (

    select
        term as feature,
        coefficient,
        exp(coefficient) as odds_ratio,
        cast(row_number() over (order by abs(coefficient) desc nulls last, term) as bigint) as driver_rank,
        case
            when coefficient > 0 then 'raises the odds of being high value'
            when coefficient < 0 then 'lowers the odds of being high value'
            when coefficient = 0 then 'no effect'
        end as direction,
        model_status,
        status_reason

    from coefficients
    where term <> 'intercept'

)

select * from final
order by driver_rank
