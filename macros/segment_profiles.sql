{#-
    Per-segment profile of a segments table (one row per customer with segment_id, segment_name,
    segment_role, recency_days, frequency, monetary), with the recommended action from the
    `segment_actions` seed. Shares are fractions of all customers and of all revenue.
-#}
{% macro segment_profiles(segments) %}

with

segments as (

    select * from {{ segments }}

),

actions as (

    select * from {{ ref('segment_actions') }}

),

per_segment as (

    select
        segment_id,
        segment_name,
        segment_role,
        count(*) as customers,
        sum(recency_days) / count(*) as mean_recency_days,
        sum(frequency) / count(*) as mean_frequency,
        -- exact decimal sums: a float sum's last bit depends on the order threads add in
        cast(sum(cast(monetary as decimal(18, 2))) as double) / count(*) as mean_monetary,
        {{ money_sum('cast(monetary as decimal(18, 2))') }} as revenue

    from segments
    group by segment_id, segment_name, segment_role

),

final as (

    select
        per_segment.segment_id,
        per_segment.segment_name,
        per_segment.segment_role,
        per_segment.customers,
        per_segment.customers / sum(per_segment.customers) over () as customer_share,
        per_segment.mean_recency_days,
        per_segment.mean_frequency,
        per_segment.mean_monetary,
        per_segment.revenue,
        cast(per_segment.revenue as double) / nullif(sum(per_segment.revenue) over (), 0) as revenue_share,
        actions.action,
        actions.action_detail

    from per_segment
    left join actions
        on per_segment.segment_role = actions.segment_role

)

select * from final
order by segment_id

{% endmacro %}
