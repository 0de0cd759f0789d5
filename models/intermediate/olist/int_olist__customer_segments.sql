{{ config(materialized='table') }}

{{
    kmeans_segments(
        customers=ref('olist_customer_rfm'),
        fit=ref('olist_kmeans_fit'),
        key='customer_unique_id',
        features=var('segment_features')['olist'],
        keep=['recency_days', 'frequency', 'monetary']
    )
}}
