"""Fits and scoring rules of the models (KMeans, logistic regression, classifiers, BG/NBD and Gamma-Gamma).

Importing the package pins BLAS to one thread for the whole process. A matrix product summed on two threads
can differ in its last bits from the same product summed on one, and how many threads OpenBLAS takes depends
on what runs beside it (dbt runs Python models as threads of one process): one thread gives the same
coefficients and scores run after run. threadpoolctl limits the libraries already loaded, hence the imports.
"""

import numpy  # noqa: F401
import scipy.linalg  # noqa: F401
from threadpoolctl import threadpool_limits

threadpool_limits(limits=1, user_api="blas")
