{#-
    The reference date of RFM: the day of the latest counted order plus `day_offset` days, at
    midnight. One row, column reference_date. 1 reproduces the Olist notebook (the day after the last
    purchase); 0 makes the last day of the data the reference date (EcomX). Arguments as rfm_features.
-#}
{% macro rfm_reference_date(orders, customer_key, ordered_at, where=none, day_offset=1) %}

with

counted_orders as (

    select cast({{ ordered_at }} as timestamp) as ordered_at
    from {{ orders }}
    where {{ customer_key }} is not null
    {%- if where is not none %}
        and ({{ where }})
    {%- endif %}

),

final as (

    select
        cast(
            {{ dbt.dateadd('day', day_offset, dbt.date_trunc('day', 'max(ordered_at)')) }}
            as date
        ) as reference_date

    from counted_orders

)

select * from final

{% endmacro %}


{#-
    RFM features for any per-order relation: one row per customer with
    reference_date, first_purchase_at, last_purchase_at, recency_days, frequency, monetary.

    orders               relation (ref) with one row per order
    reference            relation with one row, column reference_date (see rfm_reference_date)
    customer_key         column identifying the person
    order_key            column identifying the order: `orders` holds one row per order_key among the rows that
                         count (each caller's order table is tested unique on it), so frequency, the
                         notebook's nunique of the order id, is a row count (a distinct count of 10M ids
                         took 2 s more)
    ordered_at           purchase timestamp or date column
    amount               money per order; null counts as 0 (an order without payment adds nothing)
    where                optional SQL predicate selecting the orders that count (e.g. delivered only)

    recency_days is the floor of the exact time difference in days, as pandas' Timedelta.days does:
    a purchase at 15:00 the evening before the reference midnight is 0 days old, not 1.
-#}
{% macro rfm_features(orders, reference, customer_key, order_key, ordered_at, amount, where=none) %}

with

counted_orders as (

    select
        {{ customer_key }} as customer_key,
        {{ order_key }} as order_key,
        cast({{ ordered_at }} as timestamp) as ordered_at,
        coalesce({{ amount }}, 0) as amount

    from {{ orders }}
    where {{ customer_key }} is not null
    {%- if where is not none %}
        and ({{ where }})
    {%- endif %}

),

reference as (

    select * from {{ reference }}

),

per_customer as (

    select
        customer_key,
        min(ordered_at) as first_purchase_at,
        max(ordered_at) as last_purchase_at,
        count(*) as frequency,
        {{ money_sum('amount') }} as monetary

    from counted_orders
    group by customer_key

),

final as (

    select
        per_customer.customer_key as {{ customer_key }},
        reference.reference_date,
        per_customer.first_purchase_at,
        per_customer.last_purchase_at,
        cast(
            floor(
                {{ dbt.datediff('per_customer.last_purchase_at', 'cast(reference.reference_date as timestamp)', 'second') }}
                / 86400.0
            ) as integer
        ) as recency_days,
        per_customer.frequency,
        per_customer.monetary

    from per_customer
    cross join reference

)

select * from final

{% endmacro %}
