{#-
    Features at a cutoff and what happened in the window after it, per customer first seen on or before
    the cutoff: the rows the forward-looking classifiers learn from and are judged on.
      window = 'training'     cutoff = calibration_end - holdout_days, outcomes up to calibration_end:
                              the classifiers learn here and never see the holdout;
      window = 'calibration'  cutoff = calibration_end, outcomes in the holdout: every method is judged here.
    Features as the notebooks' RFM at a reference date of the cutoff's next midnight (recency_days,
    frequency = distinct purchases, monetary) plus tenure_days (first purchase to the cutoff); `extra`
    (a relation, with `extra_columns`) adds per-customer columns such as EcomX's engagement. Outcomes:
    next_purchase_days and next_value, buys_again (at least one purchase day) and is_top_spender (a
    positive next_value ranked in the top 10% of the window's customers; a tie at the boundary is in).
-#}
{% macro value_window_features(purchases, calibration, key, window, extra=none, extra_columns=[]) %}

with

calibration as (

    select * from {{ calibration }}

),

time_window as (

    select
        {%- if window == 'training' %}
        cast({{ dbt.dateadd('day', '-1 * holdout_days', 'calibration_end') }} as date) as cutoff,
        calibration_end as outcome_end
        {%- else %}
        calibration_end as cutoff,
        observation_end as outcome_end
        {%- endif %}

    from calibration

),

purchases as (

    select
        {{ key }} as customer_key,
        purchase_id,
        cast(purchased_at as timestamp) as purchased_at,
        cast(purchased_at as date) as purchase_date,
        amount

    from {{ purchases }}

),

before_cutoff as (

    select
        purchases.customer_key,
        min(purchases.purchase_date) as first_purchase_date,
        max(purchases.purchased_at) as last_purchase_at,
        {#- one row per purchase_id: Olist's order_id and EcomX's transaction_id are tested unique on the
            accepted rows, the transaction file's is a row number -#}
        count(*) as frequency,
        {{ money_sum('purchases.amount') }} as monetary

    from purchases
    cross join time_window
    where purchases.purchase_date <= time_window.cutoff
    group by purchases.customer_key

),

after_cutoff as (

    select
        purchases.customer_key,
        count(distinct purchases.purchase_date) as next_purchase_days,
        {{ money_sum('purchases.amount') }} as next_value

    from purchases
    cross join time_window
    where purchases.purchase_date > time_window.cutoff
        and purchases.purchase_date <= time_window.outcome_end
    group by purchases.customer_key

),

outcomes as (

    select
        before_cutoff.*,
        coalesce(after_cutoff.next_purchase_days, 0) as next_purchase_days,
        coalesce(after_cutoff.next_value, 0) as next_value

    from before_cutoff
    left join after_cutoff
        on before_cutoff.customer_key = after_cutoff.customer_key

),

population as (

    select count(*) as customers from outcomes

),

{#- rank() over (order by next_value desc) without sorting every customer: 1 + the customers who spent
    strictly more. -#}
spend_ranks as (

    select next_value, 1 + rows_before as spend_rank
    from ({{ rows_before_value('outcomes', 'next_value', 'desc') | indent(4) }}) as spent_more

),

joined as (

    select
        outcomes.*,
        population.customers,
        spend_ranks.spend_rank

    from outcomes
    cross join population
    inner join spend_ranks
        on outcomes.next_value = spend_ranks.next_value

),

final as (

    select
        joined.customer_key as {{ key }},
        time_window.cutoff,
        cast(
            floor(
                {{ dbt.datediff('joined.last_purchase_at', 'cast(' ~ dbt.dateadd('day', 1, 'time_window.cutoff') ~ ' as timestamp)', 'second') }}
                / 86400.0
            ) as integer
        ) as recency_days,
        cast(joined.frequency as bigint) as frequency,
        cast(joined.monetary as decimal(38, 2)) as monetary,
        cast({{ dbt.datediff('joined.first_purchase_date', 'time_window.cutoff', 'day') }} as integer) as tenure_days,
        {%- for column in extra_columns %}
        extra.{{ column }},
        {%- endfor %}
        cast(joined.next_purchase_days as integer) as next_purchase_days,
        cast(joined.next_value as decimal(38, 2)) as next_value,
        cast(case when joined.next_purchase_days > 0 then 1 else 0 end as integer) as buys_again,
        cast(case when joined.next_value > 0 and joined.spend_rank <= ceil(0.1 * joined.customers) then 1 else 0 end
            as integer) as is_top_spender

    from joined
    cross join time_window
    {%- if extra is not none %}
    left join {{ extra }} as extra
        on joined.customer_key = extra.{{ key }}
    {%- endif %}

)

select * from final

{% endmacro %}
