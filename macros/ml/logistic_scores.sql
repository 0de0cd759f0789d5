{#-
    Apply a logistic-regression term table (term, coefficient, feature_mean, feature_scale: intercept
    plus one row per feature, as customer_value.ml.high_value and customer_value.ml.value_classifier
    write it) to every row of `customers`: decision = intercept + sum of coefficient x standardized
    feature, probability = sigmoid(decision). `where` selects the terms of one model of a table that
    holds several (e.g. "target = 'buys_again'"); `keep` carries further columns of `customers`. Null
    probabilities when the model was not fit.
-#}
{% macro logistic_scores(customers, coefficients, key, features, where=none, keep=[]) %}

with

customers as (

    select * from {{ customers }}

),

model as (

    select
        max(case when term = 'intercept' then coefficient end) as intercept,
        {%- for feature in features %}
        max(case when term = '{{ feature }}' then coefficient end) as coef_{{ feature }},
        max(case when term = '{{ feature }}' then feature_mean end) as mean_{{ feature }},
        max(case when term = '{{ feature }}' then feature_scale end) as scale_{{ feature }}{{ ',' if not loop.last }}
        {%- endfor %}

    from {{ coefficients }}
    {%- if where is not none %}
    where {{ where }}
    {%- endif %}

),

decisions as (

    select
        customers.{{ key }},
        {%- for column in keep %}
        customers.{{ column }},
        {%- endfor %}
        model.intercept
        {%- for feature in features %}
            + model.coef_{{ feature }} * ((customers.{{ feature }} - model.mean_{{ feature }}) / model.scale_{{ feature }})
        {%- endfor %} as decision

    from customers
    cross join model

)

select
    {{ key }},
    {%- for column in keep %}
    {{ column }},
    {%- endfor %}
    decision,
    {{ sigmoid('decision') }} as probability

from decisions

{% endmacro %}
