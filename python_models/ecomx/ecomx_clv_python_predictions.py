from customer_value.ml.classifiers import predict_with_estimators
from customer_value.ml.settings import MlSettings


def model(dbt, session):
    settings = MlSettings.from_table(dbt.ref("int_ml_settings").df())
    fit = dbt.ref("ecomx_clv_classifier_fit").df()
    customers = dbt.ref("int_ecomx__clv_classifier_input").df()
    return predict_with_estimators(fit, customers, "customer_id", settings.clv_feature_sets, settings.clv_classes)
