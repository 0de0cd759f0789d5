from customer_value.ml.btyd_tables import fit_btyd_parameters


def model(dbt, session):
    return fit_btyd_parameters(dbt.ref("int_transactions__btyd_fit_input").df())
