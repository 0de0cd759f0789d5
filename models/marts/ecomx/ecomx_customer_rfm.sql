{{
    rfm_features(
        orders=ref('int_ecomx__transactions_validated'),
        customer_key='customer_id',
        order_key='transaction_id',
        ordered_at='transaction_date',
        amount='transaction_amount',
        where='dq_reason is null',
        reference_day_offset=0
    )
}}
