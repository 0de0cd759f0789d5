{#-
    Where every customer stands on the build's as-of date: the RFM named segment (with its lifecycle from
    the seed rfm_segments) and the KMeans segment role, one row per customer. as_of_date is the last purchase day the build sees (var as_of_date caps it),
    the day the data is as of: two builds that see the same purchases record the same day.
-#}
{% macro segment_state(rfm_scores, segments, purchases, customer_key) %}

with

rfm_scores as (

    select {{ customer_key }}, rfm_segment from {{ rfm_scores }}

),

segments as (

    select {{ customer_key }}, segment_role from {{ segments }}

),

lifecycles as (

    select segment_name, lifecycle from {{ ref('rfm_segments') }}

),

as_of as (

    {{ purchases_as_of_date(purchases) | indent(4) }}

),

final as (

    select
        as_of.as_of_date,
        rfm_scores.{{ customer_key }},
        rfm_scores.rfm_segment,
        lifecycles.lifecycle as rfm_lifecycle,
        segments.segment_role

    from rfm_scores
    inner join segments
        on rfm_scores.{{ customer_key }} = segments.{{ customer_key }}
    left join lifecycles
        on rfm_scores.rfm_segment = lifecycles.segment_name
    cross join as_of

)

select * from final

{% endmacro %}

{#- The build's as-of date, one row: the last purchase day it sees (var as_of_date caps the purchases). -#}
{% macro purchases_as_of_date(purchases) %}
    select cast(max(purchased_at) as date) as as_of_date
    from {{ purchases }}
{%- endmacro %}
