{{ config(materialized='table') }}

{{ value_calibration(ref('int_ecomx__purchases'), 'ecomx') }}
