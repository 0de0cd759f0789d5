{{ config(materialized='table') }}

{{
    value_window_features(
        purchases=ref('int_ecomx__purchases'),
        calibration=ref('int_ecomx__value_calibration'),
        key='customer_id',
        window='calibration',
        extra=ref('int_ecomx__customer_features'),
        extra_columns=['site_visits', 'emails_opened', 'clicks']
    )
}}
