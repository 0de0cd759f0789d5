{#- Every customer's KMeans segment: the fit's scaler and centroids applied in SQL (macro kmeans_segments). -#}
with

segments as (

    {{
        kmeans_segments(
            customers=ref('int_ecomx__segment_input'),
            fit=ref('ecomx_kmeans_fit'),
            key='customer_id',
            features=var('segment_features')['ecomx'],
            keep=['recency_days', 'frequency', 'monetary', 'site_visits', 'emails_opened', 'clicks']
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
        cast(monetary as double) as monetary,
        site_visits,
        emails_opened,
        clicks

    from segments

)

select * from final
order by customer_id
