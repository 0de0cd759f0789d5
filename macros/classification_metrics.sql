{#-
    scikit-learn's classification_report in SQL, for any table of predictions.

    predictions  relation with one row per scored item
    group_by     list of columns that define one evaluation (e.g. ['split'] or ['model', 'feature_set', 'split'])
    actual       column with the true class label
    predicted    column with the predicted class label

    One row per group and class_label (the union of true and predicted labels, as sklearn does), plus
    'macro avg' and 'weighted avg' rows: precision, recall, f1, support, and the group's accuracy on
    every row. An undefined ratio (no predicted or no true rows of a class) is 0, as sklearn reports it.
    Averages are rounded to 12 decimals: a parallel float sum may differ in its last bit between runs,
    and the same input must give the same table.
-#}
{% macro classification_metrics(predictions, group_by, actual, predicted) %}
{%- set groups = group_by | join(', ') -%}

with

scored as (

    select
        {{ groups }},
        cast({{ actual }} as {{ dbt.type_string() }}) as actual_label,
        cast({{ predicted }} as {{ dbt.type_string() }}) as predicted_label

    from {{ predictions }}
    where {{ actual }} is not null and {{ predicted }} is not null

),

labels as (

    select distinct {{ groups }}, actual_label as class_label from scored
    union
    select distinct {{ groups }}, predicted_label as class_label from scored

),

per_class_counts as (

    select
        {%- for column in group_by %}
        labels.{{ column }},
        {%- endfor %}
        labels.class_label,
        count(case when scored.actual_label = labels.class_label and scored.predicted_label = labels.class_label then 1 end) as true_positives,
        count(case when scored.predicted_label = labels.class_label then 1 end) as predicted_positives,
        count(case when scored.actual_label = labels.class_label then 1 end) as support

    from labels
    inner join scored
        on {% for column in group_by %}labels.{{ column }} = scored.{{ column }}{% if not loop.last %} and {% endif %}{% endfor %}
    group by {% for column in group_by %}labels.{{ column }}, {% endfor %}labels.class_label

),

per_class as (

    select
        *,
        coalesce(cast(true_positives as double) / nullif(predicted_positives, 0), 0) as precision,
        coalesce(cast(true_positives as double) / nullif(support, 0), 0) as recall

    from per_class_counts

),

per_class_f1 as (

    select
        {{ groups }},
        class_label,
        precision,
        recall,
        coalesce(2 * precision * recall / nullif(precision + recall, 0), 0) as f1,
        support,
        true_positives

    from per_class

),

accuracy as (

    select
        {{ groups }},
        cast(sum(true_positives) as double) / sum(support) as accuracy

    from per_class_f1
    group by {{ groups }}

),

averages as (

    select
        {{ groups }},
        'macro avg' as class_label,
        round(avg(precision), 12) as precision,
        round(avg(recall), 12) as recall,
        round(avg(f1), 12) as f1,
        cast(sum(support) as bigint) as support

    from per_class_f1
    group by {{ groups }}

    union all

    select
        {{ groups }},
        'weighted avg' as class_label,
        round(sum(precision * support) / sum(support), 12) as precision,
        round(sum(recall * support) / sum(support), 12) as recall,
        round(sum(f1 * support) / sum(support), 12) as f1,
        cast(sum(support) as bigint) as support

    from per_class_f1
    group by {{ groups }}

),

all_rows as (

    select {{ groups }}, class_label, precision, recall, f1, support from per_class_f1
    union all
    select {{ groups }}, class_label, precision, recall, f1, support from averages

),

final as (

    select
        {%- for column in group_by %}
        all_rows.{{ column }},
        {%- endfor %}
        all_rows.class_label,
        all_rows.precision,
        all_rows.recall,
        all_rows.f1,
        all_rows.support,
        accuracy.accuracy

    from all_rows
    inner join accuracy
        on {% for column in group_by %}all_rows.{{ column }} = accuracy.{{ column }}{% if not loop.last %} and {% endif %}{% endfor %}

)

select * from final

{% endmacro %}
