{#-
    Who moved where between the two latest recorded as-of dates, for both segmentations (RFM named segment
    and KMeans segment role): one row per from x to segment, with the customers and their revenue in the
    later period (purchases after the earlier date, up to the later one). A customer first seen on the
    later date is an arrival (from_segment null); one no longer present, a departure (to_segment null). Each
    build adds the pair that ends on its day (replacing it on a rebuild) and keeps the earlier pairs (see
    previous_history), so the table holds every pair of consecutive recorded dates (the first date has none).

    history     relation: the segment history (macro segment_history), already updated by this build
    dates       relation: the recorded as-of dates
    purchases   relation: customer_key, purchased_at, amount (the build's purchases, up to its as-of date)
-#}
{% macro segment_transitions(history, dates, purchases, customer_key) %}

with

to_date as (

    select max(as_of_date) as as_of_date
    from {{ dates }}

),

from_date as (

    select max(recorded.as_of_date) as as_of_date
    from {{ dates }} as recorded
    cross join to_date
    where recorded.as_of_date < to_date.as_of_date

),

{%- for side in ['from', 'to'] %}

{{ side }}_state as (

    select history.{{ customer_key }}, history.rfm_segment, history.segment_role
    from {{ history }} as history
    cross join {{ side }}_date
    where history.valid_from <= {{ side }}_date.as_of_date
        and (history.valid_to is null or history.valid_to > {{ side }}_date.as_of_date)

),
{%- endfor %}

revenue as (

    select purchases.{{ customer_key }}, {{ money_sum('purchases.amount') }} as revenue
    from {{ purchases }} as purchases
    cross join from_date
    cross join to_date
    where cast(purchases.purchased_at as date) > from_date.as_of_date
        and cast(purchases.purchased_at as date) <= to_date.as_of_date
    group by purchases.{{ customer_key }}

),

customers as (

    select
        coalesce(to_state.{{ customer_key }}, from_state.{{ customer_key }}) as {{ customer_key }},
        from_state.rfm_segment as from_rfm_segment,
        to_state.rfm_segment as to_rfm_segment,
        from_state.segment_role as from_segment_role,
        to_state.segment_role as to_segment_role,
        coalesce(revenue.revenue, 0) as revenue

    from to_state
    full outer join from_state
        on to_state.{{ customer_key }} = from_state.{{ customer_key }}
    left join revenue
        on coalesce(to_state.{{ customer_key }}, from_state.{{ customer_key }}) = revenue.{{ customer_key }}
    cross join from_date
    where from_date.as_of_date is not null

),

moves as (

    select 'rfm_segment' as segmentation, from_rfm_segment as from_segment, to_rfm_segment as to_segment, revenue
    from customers
    union all
    select 'kmeans_role' as segmentation, from_segment_role, to_segment_role, revenue
    from customers

),

lifecycles as (

    select 'rfm_segment' as segmentation, segment_name as segment, lifecycle from {{ ref('rfm_segments') }}
    union all
    select 'kmeans_role' as segmentation, segment_role as segment, lifecycle from {{ ref('segment_actions') }}

),

grouped as (

    select
        segmentation,
        from_segment,
        to_segment,
        count(*) as customers,
        sum(revenue) as revenue

    from moves
    group by segmentation, from_segment, to_segment

),

latest_pair as (

    select
        from_date.as_of_date as from_as_of_date,
        to_date.as_of_date as to_as_of_date,
        grouped.segmentation,
        grouped.from_segment,
        grouped.to_segment,
        case
            when grouped.from_segment is null then 'arrival'
            when grouped.to_segment is null then 'departure'
            when grouped.from_segment = grouped.to_segment then 'stayed'
            when to_lifecycle.lifecycle = 'lapsed' and coalesce(from_lifecycle.lifecycle, '') <> 'lapsed'
                then 'left active base'
            else 'moved'
        end as movement,
        grouped.customers,
        cast(grouped.revenue as decimal(38, 2)) as revenue

    from grouped
    cross join from_date
    cross join to_date
    left join lifecycles as from_lifecycle
        on grouped.segmentation = from_lifecycle.segmentation and grouped.from_segment = from_lifecycle.segment
    left join lifecycles as to_lifecycle
        on grouped.segmentation = to_lifecycle.segmentation and grouped.to_segment = to_lifecycle.segment

),
{%- set previous = previous_history() %}

final as (

    {%- if previous is not none %}
    select previous.*
    from {{ previous }} as previous
    cross join to_date
    where previous.to_as_of_date <> to_date.as_of_date
    union all
    {%- endif %}
    select * from latest_pair

)

select * from final

{% endmacro %}
