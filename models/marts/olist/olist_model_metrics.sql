with

scores as (

    select * from {{ ref('olist_high_value_scores') }}

),

model_status as (

    select distinct model_status, status_reason
    from {{ ref('olist_high_value_coefficients') }}

),

report as (

    {{ classification_metrics(ref('olist_high_value_scores'), ['split'], 'is_high_value', 'predicted_high_value') | indent(4) }}

),

roc_auc as (

    {{ binary_roc_auc(ref('olist_high_value_scores'), ['split'], 'is_high_value', 'p_high_value') | indent(4) }}

),

evaluated as (

    select
        report.split,
        report.class_label,
        case report.class_label
            when '1' then 'high value'
            when '0' then 'not high value'
            else report.class_label
        end as class_name,
        report.precision,
        report.recall,
        report.f1,
        report.support,
        report.accuracy,
        roc_auc.roc_auc

    from report
    left join roc_auc
        on report.split = roc_auc.split

),

final as (

    select evaluated.*, model_status.model_status, model_status.status_reason
    from evaluated
    cross join model_status

    union all

    {#- A model that could not be fit still gets one row saying why. #}
    select
        'none' as split,
        'all' as class_label,
        'model not fit' as class_name,
        null as precision,
        null as recall,
        null as f1,
        (select count(*) from scores) as support,
        null as accuracy,
        null as roc_auc,
        model_status.model_status,
        model_status.status_reason

    from model_status
    where model_status.model_status = 'not_fit'

)

select * from final
order by split, class_label
