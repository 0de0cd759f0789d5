{{ config(materialized='table') }}

{{ value_calibration(ref('int_olist__purchases'), 'olist') }}
