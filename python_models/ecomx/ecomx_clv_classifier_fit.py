from customer_value.ml.classifiers import fit_classifiers
from customer_value.ml.settings import MlSettings


def model(dbt, session):
    settings = MlSettings.from_table(dbt.ref("int_ml_settings").df())
    customers = dbt.ref("int_ecomx__clv_classifier_fit_input").df()
    split = dbt.ref("ecomx_clv_classifier_split").df()
    parameters = fit_classifiers(customers, split, "customer_id", "clv_class", settings.clv_feature_sets,
                                 settings.clv_models, settings.split)
    # A not-fit table has no pickled estimator, and an all-null pandas column would land as INTEGER.
    return session.from_df(parameters).project("* replace (cast(estimator as blob) as estimator)")
