{{
    segment_state(
        rfm_scores=ref('ecomx_customer_rfm_scores'),
        segments=ref('ecomx_customer_segments'),
        purchases=ref('int_ecomx__purchases'),
        customer_key='customer_id'
    )
}}
