{#-
    One row per customer with everything a campaign needs: the KMeans segment and its action, the RFM named
    segment, its lifecycle and its action, where the customer is (`regions`: a relation of key and region, or
    none), past RFM values, the forecast value and the build's as-of date (from `purchases`). Read when
    publishing (Parquet and the activation CSVs, customer_value/warehouse/activation.py) and by the app. A
    table, not a view: DuckDB views name the database they were created in, so a view would break in a copy of
    the warehouse under another name.
-#}
{% macro customer_actions(segments, profiles, rfm_scores, purchases, forecast, key, regions=none) %}

with

segments as (

    select {{ key }}, segment_id, segment_name, segment_role, recency_days, frequency, monetary
    from {{ segments }}

),

profiles as (

    select segment_id, action from {{ profiles }}

),

{#- The segment's lifecycle and action come from the seed rfm_segments (one row per segment name), where the RFM
    scores took the action from: joining 9.4M customers to their wide action text costs seconds, to the seed nothing. -#}
rfm_scores as (

    select {{ key }}, rfm_segment from {{ rfm_scores }}

),

rfm_segments as (

    select segment_name, lifecycle, action from {{ ref('rfm_segments') }}

),

as_of as (

    {{ purchases_as_of_date(purchases) | indent(4) }}

),

forecast as (

    select {{ key }}, probability_alive, expected_spend, discounted_lifetime_value from {{ forecast }}

),

{% if regions is not none %}
regions as (

    select {{ key }}, region from {{ regions }}

),
{% endif %}

final as (

    select
        segments.{{ key }},
        segments.segment_name,
        segments.segment_role,
        profiles.action as segment_action,
        rfm_scores.rfm_segment,
        rfm_segments.lifecycle as rfm_lifecycle,
        rfm_segments.action as rfm_action,
        {% if regions is not none %}regions.region{% else %}cast(null as {{ dbt.type_string() }}){% endif %} as region,
        segments.recency_days,
        segments.frequency,
        cast(segments.monetary as double) as monetary,
        forecast.probability_alive,
        forecast.expected_spend,
        forecast.discounted_lifetime_value,
        as_of.as_of_date

    from segments
    inner join profiles
        on segments.segment_id = profiles.segment_id
    inner join rfm_scores
        on segments.{{ key }} = rfm_scores.{{ key }}
    left join rfm_segments
        on rfm_scores.rfm_segment = rfm_segments.segment_name
    cross join as_of
    left join forecast
        on segments.{{ key }} = forecast.{{ key }}
    {% if regions is not none %}
    left join regions
        on segments.{{ key }} = regions.{{ key }}
    {% endif %}

)

select * from final

{% endmacro %}
