{#-
    The grouped rows the BG/NBD and Gamma-Gamma fits read (customer_value.ml.btyd): one row per fit
    (calibration, full), model and distinct combination, with the number of customers sharing it, so a
    fit costs the same at any number of customers.
      bg_nbd        frequency, recency_days, t_days (and recency, t in periods of value_time_unit_days)
      gamma_gamma   frequency and the mean repeat value (exact: rounding it to the cent moves the
                    published CDNOW v by 0.004), repeat customers with a positive mean only
    `summary` is an int_<source>__customer_value_summary, `calibration` its int_<source>__value_calibration.
-#}
{% macro btyd_fit_input(summary, calibration) %}

with

summary as (

    select * from {{ summary }}

),

unit as (

    select time_unit_days from {{ calibration }}

),

periods as (

    select
        'calibration' as fit,
        calibration_frequency as frequency,
        calibration_recency_days as recency_days,
        calibration_t_days as t_days,
        calibration_mean_repeat_value as mean_repeat_value

    from summary
    where is_in_calibration

    union all

    select
        'full' as fit,
        frequency,
        recency_days,
        t_days,
        mean_repeat_value

    from summary

),

bg_nbd as (

    select
        fit,
        'bg_nbd' as model,
        frequency,
        recency_days,
        t_days,
        cast(null as double) as mean_value,
        count(*) as customers

    from periods
    group by fit, frequency, recency_days, t_days

),

gamma_gamma as (

    select
        fit,
        'gamma_gamma' as model,
        frequency,
        cast(null as integer) as recency_days,
        cast(null as integer) as t_days,
        mean_repeat_value as mean_value,
        count(*) as customers

    from periods
    where frequency > 0 and mean_repeat_value > 0
    group by fit, frequency, mean_repeat_value

),

final as (

    select
        grouped.fit,
        grouped.model,
        grouped.frequency,
        grouped.recency_days,
        grouped.t_days,
        grouped.recency_days / unit.time_unit_days as recency,
        grouped.t_days / unit.time_unit_days as t,
        grouped.mean_value,
        cast(grouped.customers as bigint) as customers

    from (select * from bg_nbd union all select * from gamma_gamma) as grouped
    cross join unit

)

select * from final

{% endmacro %}
