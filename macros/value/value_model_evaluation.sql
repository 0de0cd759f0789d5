{#-
    The holdout evaluation of a source: one row per method, target and metric (macro value_methods,
    targets buys_again and is_top_spender), over the customers of the calibration period:
      roc_auc                    ROC-AUC of the score (ties at their average rank, as scikit-learn)
      pr_auc                     average precision: the precision at each distinct score, weighted by the
                                 recall it adds (scikit-learn's average_precision_score)
      top_decile_lift            share of positives among the 10% highest scores / share among everyone
      top_decile_revenue_share   share of all holdout spend made by the 10% highest scores
    (the top 10% by score, ties broken by md5 of the key, so it is the same on every run), and for bg_nbd
    the classic table: predicted and actual holdout purchase days by calibration frequency 0..7+ and all.
    Every row exists whatever the data; status says why a value is null (the split left a side empty, a
    model was not fit) and carries the fit status otherwise.
-#}
{#- Sums of doubles depend on the order the threads add them in (the last digit moves between runs): terms
    are cast to a decimal first, whose sum is exact and so the same on every run and engine. -#}
{% macro exact_sum_type() %}decimal(38, 12){% endmacro %}

{% macro value_model_evaluation(scores, calibration, parameters, classifier, key, source_name, has_notebook_model) %}
{%- set methods = value_methods(has_notebook_model) -%}
{%- set targets = ['buys_again', 'is_top_spender'] -%}
{%- set metrics = ['roc_auc', 'pr_auc', 'top_decile_lift', 'top_decile_revenue_share'] -%}

with

scored as (

    select * from {{ scores }}
    where score is not null

),

thresholds as (

    select
        method,
        target,
        score,
        sum(actual) as positives_at,
        count(*) as customers_at,
        sum(next_value) as value_at

    from scored
    group by method, target, score

),

totals as (

    select
        method,
        target,
        sum(positives_at) as positives,
        sum(customers_at) as customers,
        sum(value_at) as total_value,
        cast(ceil(0.1 * sum(customers_at)) as bigint) as top_size

    from thresholds
    group by method, target

),

{#- Running counts before each (method, target): one ordering over all groups is far faster in DuckDB than
    a window partitioned by method and target (a few partitions sort on a few threads). -#}
offsets as (

    select
        *,
        coalesce(sum(positives) over earlier_groups, 0) as positives_before,
        coalesce(sum(customers) over earlier_groups, 0) as customers_before

    from totals
    window earlier_groups as (order by method, target rows between unbounded preceding and 1 preceding)

),

{#- One ordering of the distinct scores, highest first, serves all metrics: running counts of positives
    and customers at or above each score within its method and target. -#}
cumulative as (

    select
        thresholds.*,
        offsets.positives,
        offsets.customers,
        offsets.top_size,
        (sum(positives_at) over higher_first) - offsets.positives_before as true_positives,
        (sum(customers_at) over higher_first) - offsets.customers_before as predicted

    from thresholds
    inner join offsets
        on thresholds.method = offsets.method and thresholds.target = offsets.target
    window higher_first as (order by thresholds.method, thresholds.target, thresholds.score desc
                            rows between unbounded preceding and current row)

),

{#- ROC-AUC as the Mann-Whitney statistic with ties counted half (scikit-learn's roc_auc_score): each
    negative scores 1 per positive above it and 1/2 per positive tied with it; the sum of integers and
    halves is exact in a decimal. -#}
roc as (

    select
        method,
        target,
        cast(sum(cast((customers_at - positives_at) * (true_positives - positives_at + positives_at / 2.0)
                      as decimal(38, 1))) as double)
            / nullif(max(positives) * (max(customers) - max(positives)), 0) as roc_auc

    from cumulative
    group by method, target

),

average_precision as (

    select method, target, sum(cast(cast(positives_at as double) / positives * true_positives / predicted as {{ exact_sum_type() }})) as pr_auc
    from cumulative
    where positives > 0
    group by method, target

),

{#- The top 10% by score: every score group wholly above the cut, and from the group the cut falls in as
    many customers as fit, taken in md5 order of the key (the same on every run). -#}
boundary as (

    select method, target, score, top_size - (predicted - customers_at) as taken
    from cumulative
    where predicted > top_size and predicted - customers_at < top_size

),

boundary_customers as (

    select
        scored.method,
        scored.target,
        scored.actual,
        scored.next_value,
        row_number() over (partition by scored.method, scored.target
                           order by md5(cast(scored.{{ key }} as {{ dbt.type_string() }})), scored.{{ key }}) as position,
        boundary.taken

    from scored
    inner join boundary
        on scored.method = boundary.method and scored.target = boundary.target and scored.score = boundary.score

),

top_decile as (

    select method, target, positives_at as positives, value_at as top_value
    from cumulative
    where predicted <= top_size
    union all
    select method, target, actual, next_value
    from boundary_customers
    where position <= taken

),

deciles as (

    select
        totals.method,
        totals.target,
        totals.customers,
        (cast(coalesce(sum(top_decile.positives), 0) as double) / totals.top_size) / nullif(cast(totals.positives as double) / totals.customers, 0)
            as top_decile_lift,
        cast(coalesce(sum(top_decile.top_value), 0) as double) / nullif(totals.total_value, 0) as top_decile_revenue_share

    from totals
    left join top_decile
        on totals.method = top_decile.method and totals.target = top_decile.target
    group by totals.method, totals.target, totals.customers, totals.top_size, totals.positives, totals.total_value

),

metric_values as (

    select
        deciles.method,
        deciles.target,
        deciles.customers,
        roc.roc_auc,
        average_precision.pr_auc,
        deciles.top_decile_lift,
        deciles.top_decile_revenue_share

    from deciles
    left join roc
        on deciles.method = roc.method and deciles.target = roc.target
    left join average_precision
        on deciles.method = average_precision.method and deciles.target = average_precision.target

),

long_metrics as (

    {%- for metric in metrics %}
    select method, target, '{{ metric }}' as metric, 'all' as calibration_frequency, cast({{ metric }} as double) as value, customers
    from metric_values
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

by_frequency as (

    select
        case when calibration_frequency >= 7 then '7+' else cast(calibration_frequency as {{ dbt.type_string() }}) end
            as calibration_frequency,
        score,
        next_purchase_days

    from scored
    where method = 'bg_nbd' and target = 'buys_again'

),

frequency_table as (

    select calibration_frequency, sum(cast(score as {{ exact_sum_type() }})) as predicted, sum(next_purchase_days) as actual,
        count(*) as customers
    from by_frequency
    group by calibration_frequency
    union all
    select 'all', sum(cast(score as {{ exact_sum_type() }})), sum(next_purchase_days), count(*)
    from by_frequency

),

long_frequency as (

    select 'bg_nbd' as method, 'holdout_purchase_days' as target, 'predicted' as metric, calibration_frequency,
        cast(predicted as double) as value, customers
    from frequency_table
    union all
    select 'bg_nbd', 'holdout_purchase_days', 'actual', calibration_frequency, cast(actual as double), customers
    from frequency_table

),

grid as (

    {%- for method in methods %}
    {%- for target in targets %}
    {%- for metric in metrics %}
    select '{{ method }}' as method, '{{ target }}' as target, '{{ metric }}' as metric, 'all' as calibration_frequency
    union all
    {%- endfor %}
    {%- endfor %}
    {%- endfor %}
    {%- for bucket in ['0', '1', '2', '3', '4', '5', '6', '7+', 'all'] %}
    {%- for metric in ['predicted', 'actual'] %}
    select 'bg_nbd', 'holdout_purchase_days', '{{ metric }}', '{{ bucket }}'
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

split as (

    select calibration_status, status_reason from {{ calibration }}

),

bg_nbd_fit as (

    select max(status) as status, max(status_reason) as status_reason
    from {{ parameters }}
    where fit = 'calibration' and model = 'bg_nbd'

),

classifier_fits as (

    select target, max(model_status) as status, max(status_reason) as status_reason
    from {{ classifier }}
    group by target

),

final as (

    select
        '{{ source_name }}' as source_name,
        grid.method,
        grid.target,
        grid.metric,
        grid.calibration_frequency,
        values_found.value,
        cast(coalesce(values_found.customers, 0) as bigint) as customers,
        case
            when split.calibration_status <> 'ok' then split.calibration_status
            when grid.method = 'bg_nbd' then bg_nbd_fit.status
            when grid.method = 'classifier' then classifier_fits.status
            else 'ok'
        end as status,
        case
            when split.calibration_status <> 'ok' then split.status_reason
            when grid.method = 'bg_nbd' then bg_nbd_fit.status_reason
            when grid.method = 'classifier' then classifier_fits.status_reason
            else split.status_reason
        end as status_reason

    from grid
    cross join split
    cross join bg_nbd_fit
    left join classifier_fits
        on grid.target = classifier_fits.target
    left join (select * from long_metrics union all select * from long_frequency) as values_found
        on grid.method = values_found.method
        and grid.target = values_found.target
        and grid.metric = values_found.metric
        and grid.calibration_frequency = values_found.calibration_frequency

)

select * from final

{% endmacro %}
