{{
    value_model_evaluation(
        scores=ref('int_olist__value_model_scores'),
        calibration=ref('int_olist__value_calibration'),
        parameters=ref('olist_btyd_parameters'),
        classifier=ref('olist_value_classifier_fit'),
        key='customer_unique_id',
        source_name='olist',
        has_notebook_model=true
    )
}}
order by method, target, metric, calibration_frequency
