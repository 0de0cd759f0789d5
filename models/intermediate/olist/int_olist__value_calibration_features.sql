{{ config(materialized='table') }}

{{
    value_window_features(
        purchases=ref('int_olist__purchases'),
        calibration=ref('int_olist__value_calibration'),
        key='customer_unique_id',
        window='calibration'
    )
}}
