{#- Every customer's KMeans segment: the fit's scaler and centroids applied in SQL (macro kmeans_segments). -#}
with

segments as (

    {{
        kmeans_segments(
            customers=ref('transactions_customer_rfm'),
            fit=ref('transactions_kmeans_fit'),
            key='customer_id',
            features=var('segment_features')['transactions'],
            keep=['recency_days', 'frequency', 'monetary']
        )
    }}

),

final as (

    select
        customer_id,
        segment_id,
        segment_name,
        segment_role,
        recency_days,
        frequency,
        cast(monetary as double) as monetary

    from segments

)

select * from final
order by customer_id
