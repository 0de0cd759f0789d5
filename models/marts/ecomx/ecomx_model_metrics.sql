{%- set classes = var('clv_classes') -%}

with

report as (

    {{ classification_metrics(ref('ecomx_clv_class_predictions'), ['model', 'feature_set', 'split'], 'actual_class', 'predicted_class') | indent(4) }}

),

per_evaluation as (

    select
        model,
        feature_set,
        split,
        max(accuracy) as accuracy,
        max(case when class_label = 'macro avg' then precision end) as macro_precision,
        max(case when class_label = 'macro avg' then recall end) as macro_recall,
        max(case when class_label = 'macro avg' then f1 end) as macro_f1,
        max(case when class_label = 'weighted avg' then precision end) as weighted_precision,
        max(case when class_label = 'weighted avg' then recall end) as weighted_recall,
        max(case when class_label = 'weighted avg' then f1 end) as weighted_f1,
        {%- for cls in classes %}
        max(case when class_label = '{{ cls }}' then precision end) as precision_{{ cls | lower }},
        max(case when class_label = '{{ cls }}' then recall end) as recall_{{ cls | lower }},
        max(case when class_label = '{{ cls }}' then f1 end) as f1_{{ cls | lower }},
        {%- endfor %}
        max(case when class_label = 'macro avg' then support end) as customers

    from report
    group by model, feature_set, split

),

best_per_feature_set as (

    select
        feature_set,
        model,
        cast(row_number() over (partition by feature_set order by macro_f1 desc, model) as bigint) as rank_by_test_macro_f1

    from per_evaluation
    where split = 'test'

),

final as (

    select
        per_evaluation.*,
        coalesce(best_per_feature_set.rank_by_test_macro_f1 = 1, false) as is_best_model

    from per_evaluation
    left join best_per_feature_set
        on per_evaluation.feature_set = best_per_feature_set.feature_set
        and per_evaluation.model = best_per_feature_set.model

)

select * from final
order by feature_set, split, model
