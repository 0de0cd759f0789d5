import pyarrow as pa

from customer_value.ml.classifiers import fit_classifiers
from customer_value.ml.settings import MlSettings


def model(dbt, session):
    settings = MlSettings.from_table(dbt.ref("int_ml_settings").df())
    customers = dbt.ref("int_ecomx__clv_classifier_fit_input").df()
    split = dbt.ref("ecomx_clv_classifier_split").df()
    parameters = fit_classifiers(customers, split, "customer_id", "clv_class", settings.clv_feature_sets,
                                 settings.clv_models, settings.split)
    # Arrow, so the pickled estimators stay binary (BLOB) even in a not-fit table, where all are null:
    # pandas would hand over an all-null column as INTEGER.
    table = pa.Table.from_pandas(parameters, preserve_index=False)
    estimator = table.schema.get_field_index("estimator")
    return table.set_column(estimator, "estimator", table.column(estimator).cast(pa.binary()))
