from customer_value.ml.btyd_tables import fit_btyd_parameters
from customer_value.ml.own_process import in_own_process


def model(dbt, session):
    return in_own_process(fit_btyd_parameters, dbt.ref("int_olist__btyd_fit_input").df())
