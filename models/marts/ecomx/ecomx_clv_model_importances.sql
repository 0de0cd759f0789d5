{#- The drivers of the CLV-class models, from their one fit: random-forest impurity and permutation
    importance, logistic-regression coefficients per class. -#}
with

fit as (

    select * from {{ ref('ecomx_clv_classifier_fit') }}

),

final as (

    select
        feature_set,
        model,
        parameter as importance_type,
        feature,
        class_label,
        value

    from fit
    where parameter in ('impurity_importance', 'permutation_importance')
        or (model = 'logistic_regression' and parameter = 'coefficient')

)

select * from final
order by feature_set, model, importance_type, class_label, feature
