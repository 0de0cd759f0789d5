{#-
    ROC-AUC per group by the rank-sum (Mann-Whitney) identity, with tied scores given their average
    rank, which equals scikit-learn's roc_auc_score. Null when a group holds only one class.

    predictions  relation with one row per scored item
    group_by     list of grouping columns
    actual       column holding 1 for the positive class, 0 otherwise
    score        the predicted probability of the positive class
-#}
{% macro binary_roc_auc(predictions, group_by, actual, score) %}
{%- set groups = group_by | join(', ') -%}

with

scored as (

    select {{ groups }}, {{ actual }} as actual, {{ score }} as score
    from {{ predictions }}
    where {{ actual }} is not null and {{ score }} is not null

),

ranked as (

    select
        {{ groups }},
        actual,
        rank() over (partition by {{ groups }} order by score)
            + (count(*) over (partition by {{ groups }}, score) - 1) / 2.0 as average_rank

    from scored

),

final as (

    select
        {{ groups }},
        cast(
            sum(case when actual = 1 then average_rank else 0 end)
            - count(case when actual = 1 then 1 end) * (count(case when actual = 1 then 1 end) + 1) / 2.0
        as double) / nullif(count(case when actual = 1 then 1 end) * count(case when actual = 0 then 1 end), 0)
            as roc_auc

    from ranked
    group by {{ groups }}

)

select * from final

{% endmacro %}
