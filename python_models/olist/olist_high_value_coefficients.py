from customer_value.ml.high_value import fit_high_value_model
from customer_value.ml.settings import MlSettings


def model(dbt, session):
    settings = MlSettings.from_table(dbt.ref("int_ml_settings").df())
    customers = dbt.ref("int_olist__high_value_fit_input").df()
    split = dbt.ref("olist_high_value_split").df()
    return fit_high_value_model(customers, split, "customer_unique_id", settings.high_value_features, settings.split)
