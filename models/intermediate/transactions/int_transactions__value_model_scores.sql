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
{#- Sorted: a person's rows side by side compress to under half the size, written in one pass instead of
    blocks rewritten and left free in the file (at 10M orders 43 MB instead of 180 MB, and faster). #}
order by customer_id, method, target
