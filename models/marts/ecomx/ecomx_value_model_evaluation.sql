{{
    value_model_evaluation(
        scores=ref('int_ecomx__value_model_scores'),
        calibration=ref('int_ecomx__value_calibration'),
        parameters=ref('ecomx_btyd_parameters'),
        classifier=ref('ecomx_value_classifier_fit'),
        key='customer_id',
        source_name='ecomx',
        has_notebook_model=true
    )
}}
order by method, target, metric, calibration_frequency
