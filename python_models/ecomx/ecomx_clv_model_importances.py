from customer_value.classifiers import SplitSettings, model_importances
from customer_value.ecomx import FEATURE_SETS


def model(dbt, session):
    dbt.config(materialized="table")
    settings = SplitSettings(
        test_size=float(dbt.config.get("model_test_size")),
        random_state=int(dbt.config.get("model_random_state")),
    )
    features = dbt.ref("ecomx_customer_features").df()
    classes = dbt.ref("ecomx_customer_clv").df()[["customer_id", "clv_class"]]
    customers = features.merge(classes, on="customer_id", validate="one_to_one")
    return model_importances(customers, "customer_id", "clv_class", FEATURE_SETS, settings)
