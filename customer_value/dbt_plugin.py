"""dbt-duckdb plugin, loaded once per `dbt build` before any model runs (see profiles.yml).

dbt runs Python models in threads of one process. Two models importing scikit-learn for the first time
at the same moment can see a half-initialised module ("cannot import name 'clone' from partially
initialized module 'sklearn.base'"). Importing everything the models need here, under dbt-duckdb's
environment lock, removes that race.
"""

from __future__ import annotations

from dbt.adapters.duckdb.plugins import BasePlugin

import customer_value.classifiers  # noqa: F401
import customer_value.ecomx  # noqa: F401
import customer_value.high_value  # noqa: F401
import customer_value.segments  # noqa: F401


class Plugin(BasePlugin):
    """Nothing to configure: importing this module is the whole job."""
