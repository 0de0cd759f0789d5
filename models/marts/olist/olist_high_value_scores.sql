{#- The logistic regression applied to every person: z = intercept + sum of coefficient * standardized
    feature, p = sigmoid(z), predicted 1 when z > 0 (scikit-learn's decision rule). -#}
{%- set features = var('high_value_features') -%}

with

segments as (

    select * from {{ ref('int_olist__customer_segments') }}

),

coefficients as (

    select * from {{ ref('olist_high_value_coefficients') }}

),

split as (

    select * from {{ ref('olist_high_value_split') }}

),

model as (

    select
        max(case when term = 'intercept' then coefficient end) as intercept,
        {%- for feature in features %}
        max(case when term = '{{ feature }}' then coefficient end) as coef_{{ feature }},
        max(case when term = '{{ feature }}' then feature_mean end) as mean_{{ feature }},
        max(case when term = '{{ feature }}' then feature_scale end) as scale_{{ feature }}{{ ',' if not loop.last }}
        {%- endfor %}

    from coefficients

),

decisions as (

    select
        segments.customer_unique_id,
        case when segments.segment_id = 1 then 1 else 0 end as is_high_value,
        model.intercept
        {%- for feature in features %}
            + model.coef_{{ feature }} * ((segments.{{ feature }} - model.mean_{{ feature }}) / model.scale_{{ feature }})
        {%- endfor %} as decision

    from segments
    cross join model

),

final as (

    select
        decisions.customer_unique_id,
        cast(decisions.is_high_value as bigint) as is_high_value,
        {{ sigmoid('decisions.decision') }} as p_high_value,
        cast(case when decisions.decision > 0 then 1 when decisions.decision <= 0 then 0 end as bigint)
            as predicted_high_value,
        split.split

    from decisions
    left join split
        on decisions.customer_unique_id = split.customer_unique_id

)

select * from final
order by customer_unique_id
