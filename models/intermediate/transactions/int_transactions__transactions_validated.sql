{{ validated_rows(
    ref('stg_transactions__transactions'),
    ref('int_transactions__transactions_rejected'),
    record_key="staging.customer_id || ' ' || coalesce(cast(staging.transaction_at as " ~ dbt.type_string() ~ "), '')"
) }}
