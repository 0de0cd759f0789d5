{{ validated_rows(
    ref('stg_olist__order_payments'),
    ref('int_olist__order_payments_rejected'),
    record_key="staging.order_id || '#' || coalesce(cast(staging.payment_sequential as " ~ dbt.type_string() ~ "), '')"
) }}
