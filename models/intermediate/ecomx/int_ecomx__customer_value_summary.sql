{{ config(materialized='table') }}

{{ customer_value_summary(ref('int_ecomx__purchases'), ref('int_ecomx__value_calibration'), 'customer_id') }}
