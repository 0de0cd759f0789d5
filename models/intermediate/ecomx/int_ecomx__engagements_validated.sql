{{ validated_rows(
    ref('stg_ecomx__engagements'),
    ref('int_ecomx__engagements_rejected'),
    record_key="cast(staging.customer_id as " ~ dbt.type_string() ~ ")"
) }}
