from customer_value.ml.btyd_tables import bg_nbd_expected_purchase_table


def model(dbt, session):
    return bg_nbd_expected_purchase_table(
        dbt.ref("int_transactions__btyd_fit_input").df(),
        dbt.ref("transactions_btyd_fit").df(),
        dbt.ref("int_transactions__value_calibration").df(),
    )
