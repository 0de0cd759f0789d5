"""Importing customer_value.ml pins every BLAS library of the process to one thread, so that a fit's
matrix products sum in one order however many Python models run beside it (see customer_value/ml)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json
import customer_value.ml.high_value
from threadpoolctl import threadpool_info
print(json.dumps([(pool["user_api"], pool["num_threads"]) for pool in threadpool_info()]))
"""


def test_every_blas_library_runs_on_one_thread_once_the_package_is_imported() -> None:
    pools = json.loads(subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                                      check=True).stdout)
    blas = [threads for api, threads in pools if api == "blas"]
    assert len(blas) >= 2  # numpy's OpenBLAS and scipy's
    assert set(blas) == {1}
