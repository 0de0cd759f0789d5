{{ config(materialized='table') }}

{{
    value_model_scores(
        features=ref('int_ecomx__value_calibration_features'),
        summary=ref('int_ecomx__customer_value_summary'),
        expectations=ref('ecomx_bg_nbd_expected_purchases'),
        parameters=ref('ecomx_btyd_parameters'),
        classifier=ref('ecomx_value_classifier_fit'),
        kmeans_fit=ref('ecomx_kmeans_fit'),
        key='customer_id',
        classifier_features=var('value_classifier_features')['ecomx'],
        segment_features=var('segment_features')['ecomx'],
        notebook_scores=ref('int_ecomx__value_notebook_scores')
    )
}}
