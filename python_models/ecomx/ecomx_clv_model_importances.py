from customer_value.classifiers import SplitSettings, model_importances
from customer_value.ecomx import FEATURE_SETS, classifier_inputs


def model(dbt, session):
    dbt.config(materialized="table")
    settings = SplitSettings(
        test_size=float(dbt.config.get("model_test_size")),
        random_state=int(dbt.config.get("model_random_state")),
    )
    customers = classifier_inputs(dbt.ref("ecomx_customer_features").df(), dbt.ref("ecomx_customer_clv").df())
    return model_importances(customers, "customer_id", "clv_class", FEATURE_SETS, settings)
