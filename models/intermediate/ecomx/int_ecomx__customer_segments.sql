{{ config(materialized='table') }}

{{
    kmeans_segments(
        customers=ref('int_ecomx__segment_input'),
        fit=ref('ecomx_kmeans_fit'),
        key='customer_id',
        features=var('segment_features')['ecomx'],
        keep=['recency_days', 'frequency', 'monetary', 'site_visits', 'emails_opened', 'clicks']
    )
}}
