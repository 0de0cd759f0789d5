{#-
    Per customer with a purchase, from the fits on all data (`fit` = 'full'):
      probability_alive          BG/NBD P(alive | frequency, recency, T), closed form
      expected_purchases         expected purchase days in the next forecast_days (evaluated in Python per
                                 distinct frequency/recency/T, `expectations`, and joined back)
      expected_order_value       Gamma-Gamma conditional mean value of a purchase day (macro
                                 gamma_gamma_order_value)
      expected_spend             expected_purchases x expected_order_value
      discounted_lifetime_value  the expected purchases of each 30-day step (and the last, shorter one)
                                 discounted at annual_discount_rate to the step's end (`expectations`),
                                 times the order value
    Null where the model it needs has no estimate (status no_data, or q <= 1 for the order value).
-#}
{% macro customer_value_forecast(summary, calibration, parameters, expectations, key) %}

with

summary as (

    select * from {{ summary }}

),

settings as (

    select time_unit_days, forecast_days, annual_discount_rate from {{ calibration }}

),

full_fit as (

    select
        max(case when model = 'bg_nbd' and parameter = 'r' then value end) as r,
        max(case when model = 'bg_nbd' and parameter = 'alpha' then value end) as alpha,
        max(case when model = 'bg_nbd' and parameter = 'a' then value end) as a,
        max(case when model = 'bg_nbd' and parameter = 'b' then value end) as b,
        max(case when model = 'gamma_gamma' and parameter = 'p' then value end) as p,
        max(case when model = 'gamma_gamma' and parameter = 'q' then value end) as q,
        max(case when model = 'gamma_gamma' and parameter = 'v' then value end) as v,
        max(case when model = 'bg_nbd' then status end) as bg_nbd_status,
        max(case when model = 'gamma_gamma' then status end) as gamma_gamma_status

    from {{ parameters }}
    where fit = 'full'

),

per_history as (

    select frequency, recency_days, t_days, expected_purchases, discounted_purchases
    from {{ expectations }}
    where fit = 'full'

),

scored as (

    select
        summary.{{ key }},
        summary.frequency,
        summary.recency_days,
        summary.t_days,
        summary.mean_repeat_value,
        full_fit.bg_nbd_status,
        full_fit.gamma_gamma_status,
        case
            when full_fit.r is null or full_fit.bg_nbd_status = 'no_data' then null
            when summary.frequency = 0 then 1.0
            else 1.0 / (1.0 + full_fit.a / (full_fit.b + summary.frequency - 1) * power(
                (full_fit.alpha + summary.t_days / settings.time_unit_days)
                / (full_fit.alpha + summary.recency_days / settings.time_unit_days),
                full_fit.r + summary.frequency))
        end as probability_alive,
        per_history.expected_purchases,
        per_history.discounted_purchases,
        case
            when full_fit.gamma_gamma_status <> 'no_data' then
                {{ gamma_gamma_order_value('full_fit.p', 'full_fit.q', 'full_fit.v', 'summary.frequency', 'summary.mean_repeat_value') }}
        end as expected_order_value

    from summary
    cross join full_fit
    cross join settings
    left join per_history
        on summary.frequency = per_history.frequency
        and summary.recency_days = per_history.recency_days
        and summary.t_days = per_history.t_days

),

final as (

    select
        {{ key }},
        frequency,
        recency_days,
        t_days,
        cast(probability_alive as double) as probability_alive,
        cast(expected_purchases as double) as expected_purchases,
        cast(expected_order_value as double) as expected_order_value,
        cast(expected_purchases * expected_order_value as double) as expected_spend,
        cast(discounted_purchases * expected_order_value as double) as discounted_lifetime_value,
        bg_nbd_status,
        gamma_gamma_status

    from scored

)

select * from final

{% endmacro %}
