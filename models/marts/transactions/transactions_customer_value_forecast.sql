{{
    customer_value_forecast(
        summary=ref('int_transactions__customer_value_summary'),
        calibration=ref('int_transactions__value_calibration'),
        parameters=ref('transactions_btyd_parameters'),
        expectations=ref('transactions_bg_nbd_expected_purchases'),
        key='customer_id'
    )
}}
order by customer_id
