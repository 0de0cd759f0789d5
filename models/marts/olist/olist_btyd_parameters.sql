with

fit as (

    select * from {{ ref('olist_btyd_fit') }}

),

final as (

    select
        cast(fit as varchar) as fit,
        cast(model as varchar) as model,
        cast(parameter as varchar) as parameter,
        cast(value as double) as value,
        cast(log_likelihood as double) as log_likelihood,
        cast(customers_used as bigint) as customers_used,
        cast(status as varchar) as status,
        cast(status_reason as varchar) as status_reason

    from fit

)

select * from final
order by fit, model, parameter
