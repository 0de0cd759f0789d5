{#-
    RFM scores 1-5 and the classic named segments for any RFM relation (one row per customer with
    recency_days, frequency, monetary), with the action of each segment from the seed rfm_segments.

    Scores are quintiles with one deterministic rule for ties: a customer's score is
    1 + floor(5 x (customers with a strictly worse value) / customers), so equal values always share a
    score, the score never depends on row order, and a value held by many customers takes the score of
    the lowest position of its group. Higher frequency and monetary are better; for recency a smaller
    number of days is better (recent = 5). Where most customers share a value (on Olist about 97% bought
    once) the scores collapse onto it: frequency 1 gets f_score 1 and any repeat buyer f_score 5.
      fm_score    the mean of f_score and m_score, halves rounded up
      rfm_cell    the three scores as text, e.g. '515'
      rfm_score   r_score + f_score + m_score (3-15)
    The segment is the seed row whose r_score and fm_score ranges contain the customer's (the seed covers
    each of the 25 cells exactly once; tests/singular/assert_rfm_segments_cover_every_cell_once.sql).
-#}
{% macro rfm_scores(rfm, key) %}

with

rfm as (

    select {{ key }}, recency_days, frequency, monetary from {{ rfm }}

),

segments as (

    select * from {{ ref('rfm_segments') }}

),

{#- Customers with a strictly worse value, per distinct value: a running count over the few distinct
    values, joined back, instead of three rank windows over every customer. -#}
{%- for column, worse_first in [('recency_days', 'desc'), ('frequency', 'asc'), ('monetary', 'asc')] %}
worse_{{ column }} as (

    {{ rows_before_value('rfm', column, worse_first) | indent(4) }}

),

{% endfor -%}
population as (

    select count(*) as customers from rfm

),

ranked as (

    select
        rfm.*,
        population.customers,
        worse_recency_days.rows_before as worse_recency,
        worse_frequency.rows_before as worse_frequency,
        worse_monetary.rows_before as worse_monetary

    from rfm
    cross join population
    inner join worse_recency_days on rfm.recency_days is not distinct from worse_recency_days.recency_days
    inner join worse_frequency on rfm.frequency is not distinct from worse_frequency.frequency
    inner join worse_monetary on rfm.monetary is not distinct from worse_monetary.monetary

),

scored as (

    select
        {{ key }},
        recency_days,
        frequency,
        monetary,
        cast(1 + floor(5.0 * worse_recency / customers) as integer) as r_score,
        cast(1 + floor(5.0 * worse_frequency / customers) as integer) as f_score,
        cast(1 + floor(5.0 * worse_monetary / customers) as integer) as m_score

    from ranked

),

combined as (

    select
        *,
        cast(floor((f_score + m_score + 1) / 2.0) as integer) as fm_score,
        cast(r_score as {{ dbt.type_string() }}) || cast(f_score as {{ dbt.type_string() }}) || cast(m_score as {{ dbt.type_string() }}) as rfm_cell,
        r_score + f_score + m_score as rfm_score

    from scored

),

{#- The seed's rectangles as its 25 cells, so that every customer finds its segment by an equality join. -#}
cells as (

    select r.r_score, fm.fm_score, segments.segment_name, segments.action, segments.action_detail
    from (values (1), (2), (3), (4), (5)) as r(r_score)
    cross join (values (1), (2), (3), (4), (5)) as fm(fm_score)
    inner join segments
        on r.r_score between segments.r_score_min and segments.r_score_max
        and fm.fm_score between segments.fm_score_min and segments.fm_score_max

),

final as (

    select
        combined.{{ key }},
        combined.recency_days,
        combined.frequency,
        combined.monetary,
        combined.r_score,
        combined.f_score,
        combined.m_score,
        combined.fm_score,
        combined.rfm_cell,
        combined.rfm_score,
        cells.segment_name as rfm_segment,
        cells.action,
        cells.action_detail

    from combined
    left join cells
        on combined.r_score = cells.r_score and combined.fm_score = cells.fm_score

)

select * from final

{% endmacro %}
