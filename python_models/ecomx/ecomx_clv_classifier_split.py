from customer_value.ml.settings import MlSettings
from customer_value.ml.splits import split_customers


def model(dbt, session):
    settings = MlSettings.from_table(dbt.ref("int_ml_settings").df())
    customers = dbt.ref("int_ecomx__clv_classifier_fit_input").df()
    return split_customers(customers, "customer_id", "clv_class", settings.split)
