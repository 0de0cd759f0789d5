from customer_value.ml.settings import MlSettings
from customer_value.ml.value_classifier import fit_value_classifiers


def model(dbt, session):
    settings = MlSettings.from_table(dbt.ref("int_ml_settings").df())
    training = dbt.ref("int_ecomx__value_classifier_fit_input").df()
    return fit_value_classifiers(training, "customer_id", settings.value_classifier_features["ecomx"],
                                 ["buys_again", "is_top_spender"], settings.split.random_state)
