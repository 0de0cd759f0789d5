{{
    customer_value_forecast(
        summary=ref('int_ecomx__customer_value_summary'),
        calibration=ref('int_ecomx__value_calibration'),
        parameters=ref('ecomx_btyd_parameters'),
        expectations=ref('ecomx_bg_nbd_expected_purchases'),
        key='customer_id'
    )
}}
order by customer_id
