{#- The notebook's high-value model, judged on the holdout: its coefficients (olist_high_value_coefficients,
    fitted on all data) applied to the RFM known at the calibration end. Score: P(high value). -#}
with

scores as (

    {{ logistic_scores(ref('int_olist__value_calibration_features'), ref('olist_high_value_coefficients'),
                       'customer_unique_id', var('high_value_features')) | indent(4) }}

),

final as (

    select customer_unique_id, probability as score
    from scores

)

select * from final
