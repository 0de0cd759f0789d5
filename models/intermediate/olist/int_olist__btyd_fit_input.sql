{{ config(materialized='table') }}

{{ btyd_fit_input(ref('int_olist__customer_value_summary'), ref('int_olist__value_calibration')) }}
