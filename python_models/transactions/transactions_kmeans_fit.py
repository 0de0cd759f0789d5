from customer_value.ml.kmeans import fit_kmeans
from customer_value.ml.settings import MlSettings


def model(dbt, session):
    settings = MlSettings.from_table(dbt.ref("int_ml_settings").df())
    customers = dbt.ref("int_transactions__kmeans_fit_input").df()
    return fit_kmeans(customers, "customer_id", settings.segment_features["transactions"], settings.kmeans)
