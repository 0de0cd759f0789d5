{#-
    Per customer with a purchase: what the buy-till-you-die models see, on the calibration period and on
    all data, and what happened in the holdout. Purchases on the same day count as one purchase day
    whose value is the day's total (as lifetimes and pymc-marketing define it):
      frequency       repeat purchase days (purchase days - 1)
      recency_days    days from the first to the last purchase day
      t_days          days from the first purchase day to the end of the period
      mean_repeat_value  mean value of the repeat purchase days (null without a repeat)
    calibration_* columns see only purchases on or before calibration_end and are null for customers first
    seen after it; holdout_* count the purchase days and spend after it. Periods of var
    value_time_unit_days are applied where the models read these columns (btyd_fit_input).
-#}
{% macro customer_value_summary(purchases, calibration, key) %}

with

purchase_days as (

    select
        {{ key }} as customer_key,
        cast(purchased_at as date) as purchase_date,
        {{ money_sum('amount') }} as day_value

    from {{ purchases }}
    group by 1, 2

),

calibration as (

    select calibration_end, observation_end from {{ calibration }}

),

{#- Days come in date order per customer and the calibration period is a prefix of them, so the repeat days
    are all days but the first: their mean is (total - first day) / (days - 1), without numbering the days
    in a window over every customer. -#}
per_customer as (

    select
        purchase_days.customer_key,
        min(purchase_days.purchase_date) as first_purchase_date,
        max(purchase_days.purchase_date) as last_purchase_date,
        count(*) as purchase_days,
        min_by(purchase_days.day_value, purchase_days.purchase_date) as first_day_value,
        sum(purchase_days.day_value) as total_value,
        max(case when purchase_days.purchase_date <= calibration.calibration_end then purchase_days.purchase_date end)
            as calibration_last_purchase_date,
        count(case when purchase_days.purchase_date <= calibration.calibration_end then 1 end) as calibration_purchase_days,
        sum(case when purchase_days.purchase_date <= calibration.calibration_end then purchase_days.day_value end)
            as calibration_value,
        count(case when purchase_days.purchase_date > calibration.calibration_end then 1 end) as holdout_purchase_days,
        coalesce(sum(case when purchase_days.purchase_date > calibration.calibration_end then purchase_days.day_value end), 0)
            as holdout_value

    from purchase_days
    cross join calibration
    group by purchase_days.customer_key

),

final as (

    select
        per_customer.customer_key as {{ key }},
        per_customer.first_purchase_date,
        per_customer.first_purchase_date <= calibration.calibration_end as is_in_calibration,
        cast(per_customer.purchase_days - 1 as integer) as frequency,
        cast({{ dbt.datediff('per_customer.first_purchase_date', 'per_customer.last_purchase_date', 'day') }} as integer) as recency_days,
        cast({{ dbt.datediff('per_customer.first_purchase_date', 'calibration.observation_end', 'day') }} as integer) as t_days,
        cast(case when per_customer.purchase_days > 1 then
            {{ money_mean_of('per_customer.total_value - per_customer.first_day_value', 'per_customer.purchase_days - 1') }}
        end as double) as mean_repeat_value,
        cast(per_customer.total_value as decimal(38, 2)) as total_value,
        cast(case when per_customer.calibration_purchase_days > 0 then per_customer.calibration_purchase_days - 1 end as integer) as calibration_frequency,
        cast({{ dbt.datediff('per_customer.first_purchase_date', 'per_customer.calibration_last_purchase_date', 'day') }} as integer) as calibration_recency_days,
        cast(case when per_customer.calibration_purchase_days > 0 then {{ dbt.datediff('per_customer.first_purchase_date', 'calibration.calibration_end', 'day') }} end as integer) as calibration_t_days,
        cast(case when per_customer.calibration_purchase_days > 1 then
            {{ money_mean_of('per_customer.calibration_value - per_customer.first_day_value', 'per_customer.calibration_purchase_days - 1') }}
        end as double) as calibration_mean_repeat_value,
        cast(per_customer.calibration_value as decimal(38, 2)) as calibration_value,
        cast(per_customer.holdout_purchase_days as integer) as holdout_purchase_days,
        cast(per_customer.holdout_value as decimal(38, 2)) as holdout_value

    from per_customer
    cross join calibration

)

select * from final

{% endmacro %}
