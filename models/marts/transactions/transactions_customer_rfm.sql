{{
    rfm_features(
        orders=ref('int_transactions__purchases'),
        reference=ref('int_transactions__reference_date'),
        customer_key='customer_id',
        order_key='purchase_id',
        ordered_at='purchased_at',
        amount='amount'
    )
}}
order by customer_id
