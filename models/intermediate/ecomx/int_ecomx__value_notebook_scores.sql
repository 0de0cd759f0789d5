{#- The notebook's model, judged on the holdout: the CLV-class logistic regression on the published feature
    set (from ecomx_clv_classifier_fit, fitted on all data) applied to what was known at the calibration end.
    total_spend and n_transactions are the spend and transactions up to the calibration end; the other
    published features (engagement, campaign responses, age, gender) have no dates and are taken as
    exported. Score: the probability of the top CLV class. -#}
{%- set feature_set = var('clv_feature_sets')['published'] -%}
{%- set classes = var('clv_classes') -%}
{%- set as_of_calibration_end = {'total_spend': 'calibration_features.monetary', 'n_transactions': 'calibration_features.frequency'} -%}

with

calibration_features as (

    select * from {{ ref('int_ecomx__value_calibration_features') }}

),

customer_features as (

    select * from {{ ref('int_ecomx__customer_features') }}

),

customers as (

    select
        calibration_features.customer_id,
        {%- for column in feature_set['numeric'] + feature_set.get('categorical', []) %}
        {{ as_of_calibration_end.get(column, 'customer_features.' ~ column) }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from calibration_features
    left join customer_features
        on calibration_features.customer_id = customer_features.customer_id

),

fit as (

    select * from {{ ref('ecomx_clv_classifier_fit') }}

),

scores as (

    {{ classifier_linear_scores('customers', 'fit', 'customer_id', {'published': feature_set}, classes) | indent(4) }}

),

final as (

    select customer_id, p_{{ classes[-1] | lower }} as score
    from scores
    where model = 'logistic_regression'

)

select * from final
