{{ validated_rows(
    ref('stg_olist__customers'),
    ref('int_olist__customers_rejected'),
    record_key="staging.customer_id",
    dq_columns=['dq_reason', 'dq_detail']
) }}
