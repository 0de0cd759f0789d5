{{
    segment_state(
        rfm_scores=ref('olist_customer_rfm_scores'),
        segments=ref('olist_customer_segments'),
        purchases=ref('int_olist__purchases'),
        customer_key='customer_unique_id'
    )
}}
