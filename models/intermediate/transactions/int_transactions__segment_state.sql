{{
    segment_state(
        rfm_scores=ref('transactions_customer_rfm_scores'),
        segments=ref('transactions_customer_segments'),
        purchases=ref('int_transactions__purchases'),
        customer_key='customer_id'
    )
}}
