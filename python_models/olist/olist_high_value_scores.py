from customer_value.high_value import ModelSettings, fit_high_value_model, high_value_labels


def model(dbt, session):
    dbt.config(materialized="table")
    settings = ModelSettings(
        test_size=float(dbt.config.get("model_test_size")),
        random_state=int(dbt.config.get("model_random_state")),
    )
    customers = dbt.ref("olist_customer_segments").df()
    customers["is_high_value"] = high_value_labels(customers["segment_id"])
    return fit_high_value_model(customers, key="customer_unique_id", settings=settings).scores
