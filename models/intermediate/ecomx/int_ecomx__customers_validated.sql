{{ validated_rows(
    ref('stg_ecomx__customers'),
    ref('int_ecomx__customers_rejected'),
    record_key="cast(staging.customer_id as " ~ dbt.type_string() ~ ")"
) }}
