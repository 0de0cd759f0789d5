{{
    rfm_features(
        orders=ref('fct_olist_orders'),
        reference=ref('int_olist__reference_date'),
        customer_key='customer_unique_id',
        order_key='order_id',
        ordered_at='purchased_at',
        amount='payment_total',
        where='is_delivered'
    )
}}
order by customer_unique_id
