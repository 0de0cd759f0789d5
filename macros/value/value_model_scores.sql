{#-
    Every method of the holdout evaluation scores every customer of the calibration period (rows of
    int_<source>__value_calibration_features: features at the calibration end, outcomes in the holdout), or,
    above var ml_fit_max_customers of them, a deterministic sample of that size.
    One row per customer, method and target; a higher score means "more valuable next". Methods:
      bg_nbd          calibration-fit BG/NBD expected holdout purchase days (target buys_again), times the
                      calibration Gamma-Gamma expected order value (target is_top_spender)
      classifier      the logistic regression of the target trained on the window before the calibration
                      end (<source>_value_classifier_fit)
      notebook_model  the reference notebook's own model applied to calibration-period features, when the
                      source has one (`notebook_scores`: key, score; Olist's high-value model, EcomX's
                      CLV-class logistic regression)
      kmeans_segment  the build's KMeans segmentation applied to calibration-period features; score = minus
                      segment_id (1 = the highest-monetary segment)
      rfm_score       rfm_score (3-15) of calibration-period RFM (macro rfm_scores)
      past_monetary   calibration-period monetary
      recency         minus recency_days (more recent = higher)
      random          a deterministic shuffle (md5 of the key): what any score must beat
    Each row carries the outcome of its target (`actual`), the holdout value and purchase days and the
    calibration frequency. The method list lives in value_methods.
-#}
{% macro value_methods(has_notebook_model) %}
    {{ return(['bg_nbd', 'classifier'] + (['notebook_model'] if has_notebook_model else [])
        + ['kmeans_segment', 'rfm_score', 'past_monetary', 'recency', 'random']) }}
{% endmacro %}

{% macro value_model_scores(features, summary, expectations, parameters, classifier, kmeans_fit, key,
                            classifier_features, segment_features, notebook_scores=none) %}

with

{# Every calibration customer up to var ml_fit_max_customers; above it the same deterministic md5 sample
   as the fits draw (macro fit_sample): metrics on a million customers are as sure as on ten, at a tenth of
   the cost. #}
calibration_features as (

    select {{ star_except(['population_customers', 'stratum_customers', 'draw']) }}
    from ({{ fit_sample(features, key) | indent(4) }})

),

outcomes as (

    select
        calibration_features.{{ key }},
        calibration_features.buys_again,
        calibration_features.is_top_spender,
        calibration_features.next_value,
        calibration_features.next_purchase_days,
        summary.calibration_frequency,
        summary.calibration_recency_days,
        summary.calibration_t_days,
        summary.calibration_mean_repeat_value

    from calibration_features
    inner join {{ summary }} as summary
        on calibration_features.{{ key }} = summary.{{ key }}

),

gamma_gamma as (

    select
        max(case when parameter = 'p' then value end) as p,
        max(case when parameter = 'q' then value end) as q,
        max(case when parameter = 'v' then value end) as v

    from {{ parameters }}
    where fit = 'calibration' and model = 'gamma_gamma' and status <> 'no_data'

),

bg_nbd as (

    select
        outcomes.{{ key }},
        expectations.expected_purchases,
        expectations.expected_purchases
            * {{ gamma_gamma_order_value('gamma_gamma.p', 'gamma_gamma.q', 'gamma_gamma.v',
                                         'outcomes.calibration_frequency', 'outcomes.calibration_mean_repeat_value') }}
            as expected_value

    from outcomes
    cross join gamma_gamma
    left join {{ expectations }} as expectations
        on expectations.fit = 'calibration'
        and outcomes.calibration_frequency = expectations.frequency
        and outcomes.calibration_recency_days = expectations.recency_days
        and outcomes.calibration_t_days = expectations.t_days

),

classifier_buys_again as (

    {{ logistic_scores('calibration_features', classifier, key, classifier_features, "target = 'buys_again'") | indent(4) }}

),

classifier_top_spender as (

    {{ logistic_scores('calibration_features', classifier, key, classifier_features, "target = 'is_top_spender'") | indent(4) }}

),


segments as (

    {{ kmeans_segments('calibration_features', kmeans_fit, key, segment_features) | indent(4) }}

),

rfm as (

    {{ rfm_scores('calibration_features', key) | indent(4) }}

),

scores as (

    select {{ key }}, 'bg_nbd' as method, 'buys_again' as target, expected_purchases as score from bg_nbd
    union all
    select {{ key }}, 'bg_nbd', 'is_top_spender', expected_value from bg_nbd
    union all
    select {{ key }}, 'classifier', 'buys_again', probability from classifier_buys_again
    union all
    select {{ key }}, 'classifier', 'is_top_spender', probability from classifier_top_spender
    {%- for target in ['buys_again', 'is_top_spender'] %}
    {%- if notebook_scores is not none %}
    union all
    select {{ key }}, 'notebook_model', '{{ target }}', score from {{ notebook_scores }}
    {%- endif %}
    union all
    select {{ key }}, 'kmeans_segment', '{{ target }}', -1.0 * segment_id from segments
    union all
    select {{ key }}, 'rfm_score', '{{ target }}', rfm_score from rfm
    union all
    select {{ key }}, 'past_monetary', '{{ target }}', monetary from calibration_features
    union all
    select {{ key }}, 'recency', '{{ target }}', -1.0 * recency_days from calibration_features
    union all
    select {{ key }}, 'random', '{{ target }}',
        row_number() over (order by md5(cast({{ key }} as {{ dbt.type_string() }})), {{ key }})
    from calibration_features
    {%- endfor %}

),

final as (

    select
        scores.{{ key }},
        scores.method,
        scores.target,
        cast(scores.score as double) as score,
        cast(case when scores.target = 'buys_again' then outcomes.buys_again else outcomes.is_top_spender end as integer) as actual,
        outcomes.next_value,
        outcomes.next_purchase_days,
        outcomes.calibration_frequency

    from scores
    inner join outcomes
        on scores.{{ key }} = outcomes.{{ key }}

)

select * from final
{#- Sorted: a person's rows side by side compress to a quarter of the blocks, written in one pass; unsorted, the
    parallel write rewrote blocks and left them free in the file (at 10M orders 43 MB instead of 180 MB). #}
order by {{ key }}, method, target

{% endmacro %}
