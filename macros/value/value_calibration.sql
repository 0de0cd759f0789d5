{#-
    The calibration/holdout split in time shared by every forward-looking model of a source: one row.
      observation_end   the last purchase day of the source;
      calibration_end   var `value_calibration_end` when set (the same date for every source), otherwise
                        observation_end minus var `value_holdout_days`;
      holdout_days      days from calibration_end to observation_end (purchases after calibration_end
                        and up to observation_end are the holdout);
    with the time unit, forecast horizon and discount rate of the forecasts, the purchase days on each
    side, and a status: ok, no_calibration_purchases or no_holdout. A split that leaves one side empty
    does not fail the build: the models that need it say so in their status.
    `purchases` has columns purchased_at and amount (see int_<source>__purchases).
-#}
{% macro value_calibration(purchases, source_name) %}

with

purchases as (

    select cast(purchased_at as date) as purchase_date from {{ purchases }}

),

purchase_range as (

    select
        min(purchase_date) as first_purchase_date,
        max(purchase_date) as observation_end

    from purchases

),

split as (

    select
        first_purchase_date,
        observation_end,
        {%- if var('value_calibration_end', none) %}
        cast('{{ var("value_calibration_end") }}' as date) as calibration_end
        {%- else %}
        cast({{ dbt.dateadd('day', -1 * (var('value_holdout_days') | int), 'observation_end') }} as date) as calibration_end
        {%- endif %}

    from purchase_range

),

counted as (

    select
        split.*,
        {{ dbt.datediff('split.calibration_end', 'split.observation_end', 'day') }} as holdout_days,
        (select count(*) from purchases where purchase_date <= split.calibration_end) as calibration_purchases,
        (select count(*) from purchases where purchase_date > split.calibration_end) as holdout_purchases

    from split

),

final as (

    select
        '{{ source_name }}' as source_name,
        first_purchase_date,
        calibration_end,
        observation_end,
        cast(greatest(holdout_days, 0) as integer) as holdout_days,
        cast(calibration_purchases as bigint) as calibration_purchases,
        cast(holdout_purchases as bigint) as holdout_purchases,
        cast({{ var('value_time_unit_days') }} as double) as time_unit_days,
        cast({{ var('forecast_days') }} as integer) as forecast_days,
        cast({{ var('annual_discount_rate') }} as double) as annual_discount_rate,
        case
            when calibration_purchases = 0 then 'no_calibration_purchases'
            when holdout_purchases = 0 then 'no_holdout'
            else 'ok'
        end as calibration_status,
        case
            when calibration_purchases = 0 then
                'no purchase on or before the calibration end ' || cast(calibration_end as {{ dbt.type_string() }})
                || ' (the data start on ' || cast(first_purchase_date as {{ dbt.type_string() }})
                || '): set var value_calibration_end later or value_holdout_days smaller'
            when holdout_purchases = 0 then
                'no purchase after the calibration end ' || cast(calibration_end as {{ dbt.type_string() }})
                || ' (the data end on ' || cast(observation_end as {{ dbt.type_string() }})
                || '): set var value_calibration_end earlier or value_holdout_days larger'
            else
                cast(calibration_purchases as {{ dbt.type_string() }}) || ' purchase lines up to ' || cast(calibration_end as {{ dbt.type_string() }})
                || ', ' || cast(holdout_purchases as {{ dbt.type_string() }}) || ' in the ' || cast(holdout_days as {{ dbt.type_string() }})
                || ' holdout days to ' || cast(observation_end as {{ dbt.type_string() }})
        end as status_reason

    from counted

)

select * from final

{% endmacro %}
