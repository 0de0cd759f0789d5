{{
    customer_value_forecast(
        summary=ref('int_olist__customer_value_summary'),
        calibration=ref('int_olist__value_calibration'),
        parameters=ref('olist_btyd_parameters'),
        expectations=ref('olist_bg_nbd_expected_purchases'),
        key='customer_unique_id'
    )
}}
order by customer_unique_id
