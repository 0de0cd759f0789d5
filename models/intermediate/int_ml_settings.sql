{#- The one bridge from vars to the Python models: the settings every fit uses, as one JSON text, read by
    customer_value.ml.settings.MlSettings.from_table. Defaults live in dbt_project.yml only. -#}
{%- set settings = {} -%}
{%- for name in ['segments_k', 'segments_random_state', 'segments_n_init', 'segment_features', 'model_test_size',
                 'model_random_state', 'high_value_features', 'clv_classes', 'clv_models', 'clv_feature_sets',
                 'ml_fit_max_customers', 'value_classifier_features'] -%}
    {%- do settings.update({name: var(name)}) -%}
{%- endfor %}

select '{{ tojson(settings, sort_keys=true) | replace("'", "''") }}' as settings
