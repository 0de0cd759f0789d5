{#- Every customer's predicted CLV class by every model and feature set: logistic regression and naive
    Bayes scored here from the fit's parameters, random forest and KNN by their pickled estimators in
    Python (ecomx_clv_python_predictions). A model that was not fit keeps its rows with nulls. -#}
{%- set classes = var('clv_classes') -%}

with

customers as (

    select * from {{ ref('int_ecomx__clv_classifier_input') }}

),

fit as (

    select * from {{ ref('ecomx_clv_classifier_fit') }}

),

split as (

    select * from {{ ref('ecomx_clv_classifier_split') }}

),

linear_scores as (

    {{ classifier_linear_scores('customers', 'fit', 'customer_id', var('clv_feature_sets'), classes) | indent(4) }}

),

python_scores as (

    select * from {{ ref('ecomx_clv_python_predictions') }}

),

scores as (

    select customer_id, feature_set, model, predicted_class, {% for cls in classes %}p_{{ cls | lower }}{{ ', ' if not loop.last }}{% endfor %}
    from linear_scores
    union all
    select customer_id, feature_set, model, predicted_class, {% for cls in classes %}p_{{ cls | lower }}{{ ', ' if not loop.last }}{% endfor %}
    from python_scores

),

models as (

    select distinct feature_set, model
    from fit
    where parameter = 'status'

),

final as (

    select
        customers.customer_id,
        models.model,
        models.feature_set,
        split.split,
        customers.clv_class as actual_class,
        scores.predicted_class,
        {%- for cls in classes %}
        scores.p_{{ cls | lower }}{{ ',' if not loop.last }}
        {%- endfor %}

    from customers
    cross join models
    left join split
        on customers.customer_id = split.customer_id
    left join scores
        on customers.customer_id = scores.customer_id
        and models.feature_set = scores.feature_set
        and models.model = scores.model

)

select * from final
order by feature_set, model, customer_id
