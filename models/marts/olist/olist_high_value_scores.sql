{#- The logistic regression applied to every person: z = intercept + sum of coefficient * standardized
    feature, p = sigmoid(z), predicted 1 when z > 0 (scikit-learn's decision rule). -#}
{%- set features = var('high_value_features') -%}

with

split as (

    select * from {{ ref('olist_high_value_split') }}

),

decisions as (

    {{ logistic_scores(ref('olist_customer_segments'), ref('olist_high_value_coefficients'),
                       'customer_unique_id', features, keep=['segment_id']) | indent(4) }}

),

final as (

    select
        decisions.customer_unique_id,
        cast(case when decisions.segment_id = 1 then 1 else 0 end as bigint) as is_high_value,
        decisions.probability as p_high_value,
        cast(case when decisions.decision > 0 then 1 when decisions.decision <= 0 then 0 end as bigint)
            as predicted_high_value,
        split.split

    from decisions
    left join split
        on decisions.customer_unique_id = split.customer_unique_id

)

select * from final
order by customer_unique_id
