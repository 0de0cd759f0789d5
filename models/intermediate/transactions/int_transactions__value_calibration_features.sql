{{ config(materialized='table') }}

{{
    value_window_features(
        purchases=ref('int_transactions__purchases'),
        calibration=ref('int_transactions__value_calibration'),
        key='customer_id',
        window='calibration'
    )
}}
