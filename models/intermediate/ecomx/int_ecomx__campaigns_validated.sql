{{ validated_rows(
    ref('stg_ecomx__campaigns'),
    ref('int_ecomx__campaigns_rejected'),
    record_key="cast(staging.campaign_id as " ~ dbt.type_string() ~ ") || '#' || cast(staging.customer_id as " ~ dbt.type_string() ~ ")",
    derived={'is_responded': "staging.response = 'Yes'"}
) }}
