{#-
    Score every customer with the closed-form models of a classifier parameter table
    (customer_value.ml.classifiers.fit_classifiers): logistic regression (softmax of the decision
    functions) and Gaussian naive Bayes (softmax of the joint log-likelihoods).

    Each model input is prepared as the fit did: numbers imputed with the training median and
    standardized, categories one-hot (a missing value is the category 'missing', an unseen one all
    zeros). Every sum is written out in a fixed order, row by row, so the result is the same on every
    run and engine. One row per key, feature set and model: predicted_class (the highest score; ties go
    to the first class in sorted order, as scikit-learn) and p_<class> for each class of `classes`.

    customers     relation with one row per customer and every column of the feature sets
    fit           the parameter table
    key           customer key column
    feature_sets  var clv_feature_sets: {name: {numeric: [...], categorical: [...]}}
    classes       var clv_classes
-#}
{% macro classifier_linear_scores(customers, fit, key, feature_sets, classes) %}
{%- set linear_models = ['logistic_regression', 'naive_bayes'] -%}

with

customers as (

    select * from {{ customers }}

),

fit as (

    select * from {{ fit }}
    where feature_set in ('{{ feature_sets.keys() | join("', '") }}')

),

{%- for set_name, spec in feature_sets.items() %}
{%- set categorical = spec.get('categorical', []) %}

{{ set_name }}__preprocessing as (

    select
        {%- for column in spec['numeric'] %}
        max(case when parameter = 'imputer_median' and feature = '{{ column }}' then value end) as median_{{ column }},
        max(case when parameter = 'scaler_mean' and feature = '{{ column }}' then value end) as mean_{{ column }},
        max(case when parameter = 'scaler_scale' and feature = '{{ column }}' then value end) as scale_{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from fit
    where feature_set = '{{ set_name }}' and model = 'preprocessing'

),

{{ set_name }}__weights as (

    {#- per model and class: the constant (intercept / log_norm) and per number its coefficient / theta and var #}
    select
        model,
        class_label,
        max(case when parameter in ('intercept', 'log_norm') then value end) as constant,
        {%- for column in spec['numeric'] %}
        max(case when parameter in ('coefficient', 'theta') and feature = '{{ column }}' then value end) as w_{{ column }},
        max(case when parameter = 'var' and feature = '{{ column }}' then value end) as v_{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from fit
    where feature_set = '{{ set_name }}' and model in ('{{ linear_models | join("', '") }}')
        and class_label is not null
    group by model, class_label

),

{{ set_name }}__inputs as (

    select
        customers.{{ key }},
        {%- for column in spec['numeric'] %}
        (coalesce(cast(customers.{{ column }} as double), p.median_{{ column }}) - p.mean_{{ column }})
            / p.scale_{{ column }} as z_{{ column }},
        {%- endfor %}
        {%- for column in categorical %}
        coalesce(cast(customers.{{ column }} as {{ dbt.type_string() }}), 'missing') as category_{{ column }},
        {%- endfor %}
        1 as one

    from customers
    cross join {{ set_name }}__preprocessing as p

),

{{ set_name }}__scores as (

    select
        inputs.{{ key }},
        '{{ set_name }}' as feature_set,
        w.model,
        w.class_label,
        w.constant
        + case w.model
            when 'logistic_regression' then
                {%- for column in spec['numeric'] %}
                w.w_{{ column }} * inputs.z_{{ column }}{{ ' +' if not loop.last }}
                {%- endfor %}
            else -0.5 * (
                {%- for column in spec['numeric'] %}
                (inputs.z_{{ column }} - w.w_{{ column }}) * (inputs.z_{{ column }} - w.w_{{ column }}) / w.v_{{ column }}{{ ' +' if not loop.last }}
                {%- endfor %}
            )
        end
        {%- for column in categorical %}
        + coalesce(category_{{ column }}.value, 0)
        {%- endfor %} as score

    from {{ set_name }}__inputs as inputs
    cross join {{ set_name }}__weights as w
    {%- for column in categorical %}
    left join fit as category_{{ column }}
        on category_{{ column }}.feature_set = '{{ set_name }}'
        and category_{{ column }}.model = w.model
        and category_{{ column }}.class_label = w.class_label
        and category_{{ column }}.parameter in ('coefficient', 'category_adjust')
        and category_{{ column }}.source_column = '{{ column }}'
        and category_{{ column }}.category = inputs.category_{{ column }}
    {%- endfor %}

),
{%- endfor %}

scores as (

    {%- for set_name in feature_sets %}
    select * from {{ set_name }}__scores
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

per_model as (

    select
        {{ key }},
        feature_set,
        model,
        {%- for cls in classes %}
        max(case when class_label = '{{ cls }}' then score end) as score_{{ cls | lower }}{{ ',' if not loop.last }}
        {%- endfor %}

    from scores
    group by {{ key }}, feature_set, model

),

shifted as (

    {#- softmax after subtracting the highest score; a class the model never saw has no score and p = 0 #}
    select
        *,
        {%- for cls in classes %}
        coalesce(exp(score_{{ cls | lower }} - greatest({% for other in classes %}score_{{ other | lower }}{{ ', ' if not loop.last }}{% endfor %})), 0)
            as e_{{ cls | lower }}{{ ',' if not loop.last }}
        {%- endfor %}

    from per_model

),

final as (

    select
        {{ key }},
        feature_set,
        model,
        case
            {%- set ordered = classes | sort %}
            {%- for cls in ordered %}
            {%- set later = ordered[loop.index:] %}
            when score_{{ cls | lower }} is not null
                {%- for other in ordered if other != cls %}
                and score_{{ cls | lower }} {{ '>=' if other in later else '>' }} coalesce(score_{{ other | lower }}, -1e308)
                {%- endfor %}
                then '{{ cls }}'
            {%- endfor %}
        end as predicted_class,
        {%- for cls in classes %}
        e_{{ cls | lower }} / ({% for other in classes %}e_{{ other | lower }}{{ ' + ' if not loop.last }}{% endfor %}) as p_{{ cls | lower }}{{ ',' if not loop.last }}
        {%- endfor %}

    from shifted

)

select * from final

{% endmacro %}
