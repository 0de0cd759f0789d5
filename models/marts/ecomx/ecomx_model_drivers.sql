with

importances as (

    select * from {{ ref('ecomx_clv_model_importances') }}

),

final as (

    select
        feature_set,
        model,
        importance_type,
        feature,
        class_label,
        value,
        cast(row_number() over (
            partition by feature_set, model, importance_type, class_label
            order by abs(value) desc, feature
        ) as bigint) as driver_rank

    from importances

)

select * from final
order by feature_set, model, importance_type, class_label, driver_rank
