{{ config(materialized='table') }}

{{
    value_model_scores(
        features=ref('int_transactions__value_calibration_features'),
        summary=ref('int_transactions__customer_value_summary'),
        expectations=ref('transactions_bg_nbd_expected_purchases'),
        parameters=ref('transactions_btyd_parameters'),
        classifier=ref('transactions_value_classifier_fit'),
        kmeans_fit=ref('transactions_kmeans_fit'),
        key='customer_id',
        classifier_features=var('value_classifier_features')['transactions'],
        segment_features=var('segment_features')['transactions']
    )
}}
