{{ config(materialized='table') }}

{{
    kmeans_segments(
        customers=ref('transactions_customer_rfm'),
        fit=ref('transactions_kmeans_fit'),
        key='customer_id',
        features=var('segment_features')['transactions'],
        keep=['recency_days', 'frequency', 'monetary']
    )
}}
