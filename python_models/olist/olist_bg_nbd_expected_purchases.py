from customer_value.ml.btyd_tables import bg_nbd_expected_purchase_table


def model(dbt, session):
    return bg_nbd_expected_purchase_table(
        dbt.ref("int_olist__btyd_fit_input").df(),
        dbt.ref("olist_btyd_fit").df(),
        dbt.ref("int_olist__value_calibration").df(),
    )
