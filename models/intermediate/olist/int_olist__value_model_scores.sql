{{ config(materialized='table') }}

{{
    value_model_scores(
        features=ref('int_olist__value_calibration_features'),
        summary=ref('int_olist__customer_value_summary'),
        expectations=ref('olist_bg_nbd_expected_purchases'),
        parameters=ref('olist_btyd_parameters'),
        classifier=ref('olist_value_classifier_fit'),
        kmeans_fit=ref('olist_kmeans_fit'),
        key='customer_unique_id',
        classifier_features=var('value_classifier_features')['olist'],
        segment_features=var('segment_features')['olist'],
        notebook_scores=ref('int_olist__value_notebook_scores')
    )
}}
