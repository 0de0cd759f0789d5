{{ config(materialized='table') }}

{{ btyd_fit_input(ref('int_ecomx__customer_value_summary'), ref('int_ecomx__value_calibration')) }}
