{{ config(materialized='table') }}

{{ btyd_fit_input(ref('int_transactions__customer_value_summary'), ref('int_transactions__value_calibration')) }}
