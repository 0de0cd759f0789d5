{{ validated_rows(
    ref('stg_ecomx__transactions'),
    ref('int_ecomx__transactions_rejected'),
    record_key="cast(staging.transaction_id as " ~ dbt.type_string() ~ ")"
) }}
