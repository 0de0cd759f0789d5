{{
    rfm_features(
        orders=ref('int_ecomx__transactions_validated'),
        reference=ref('int_ecomx__reference_date'),
        customer_key='customer_id',
        order_key='transaction_id',
        ordered_at='transaction_date',
        amount='transaction_amount',
        where='dq_reason is null'
    )
}}
order by customer_id
