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

{#- A score is 1 + floor(5 x customers with a strictly worse value / customers): it only grows along the
    column's order, so it is a step function with at most four steps. Each step's first value is found on the
    few distinct values (a running count of the customers before each), and a customer's score is 1 + the steps
    their value has reached: compared with one row of step values, without joining 9.4M customers back to the
    distinct values three times. -#}
population as (

    select count(*) as customers from rfm

),
{%- set score_columns = [
    ('recency_days', 'r_score', 'desc'), ('frequency', 'f_score', 'asc'), ('monetary', 'm_score', 'asc')
] %}
{% for column, score_column, worse_first in score_columns %}
{{ column }}_steps as (

    select
        {%- for score in range(2, 6) %}
        {{ 'max' if worse_first == 'desc' else 'min' }}(
            case when 1 + floor(5.0 * worse.rows_before / population.customers) >= {{ score }} then worse.{{ column }} end
        ) as reaches_{{ score }}{{ ',' if not loop.last }}
        {%- endfor %}

    from ({{ rows_before_value('rfm', column, worse_first) | indent(4) }}) as worse
    cross join population

),
{% endfor %}
scored as (

    select
        rfm.{{ key }},
        rfm.recency_days,
        rfm.frequency,
        rfm.monetary,
        {%- for column, score_column, worse_first in score_columns %}
        1
        {%- for score in range(2, 6) %}
            + case when rfm.{{ column }} {{ '<=' if worse_first == 'desc' else '>=' }} {{ column }}_steps.reaches_{{ score }}
                then 1 else 0 end
        {%- endfor %} as {{ score_column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from rfm
    {%- for column, score_column, worse_first in score_columns %}
    cross join {{ column }}_steps
    {%- endfor %}

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
