{{
    value_model_evaluation(
        scores=ref('int_transactions__value_model_scores'),
        calibration=ref('int_transactions__value_calibration'),
        parameters=ref('transactions_btyd_parameters'),
        classifier=ref('transactions_value_classifier_fit'),
        key='customer_id',
        source_name='transactions',
        has_notebook_model=false
    )
}}
order by method, target, metric, calibration_frequency
