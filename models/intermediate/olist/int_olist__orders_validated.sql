{{ validated_rows(
    ref('stg_olist__orders'),
    ref('int_olist__orders_rejected'),
    record_key="staging.order_id"
) }}
