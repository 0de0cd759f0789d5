"""Run a fit in a process of its own.

dbt-duckdb runs Python models as threads of the dbt process. A fit whose time goes into a Python loop (the
scipy optimizer of the BG/NBD and Gamma-Gamma likelihoods calls its objective thousands of times) then
waits for the interpreter lock behind the fits running beside it: the 1M-order Olist fit took 2.7 s alone
and 23 to 37 s inside a build. In a child process it runs at its own speed. Arguments and result travel
pickled through stdin and stdout; the child imports only the function's module.

    python -m customer_value.ml.own_process   (reads one pickled (function, args) from stdin)
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from typing import Any, Callable


def in_own_process(function: Callable[..., Any], *args: Any) -> Any:
    """function(*args), computed by a fresh Python process; the same result as calling it here."""
    payload = pickle.dumps((function, args), protocol=pickle.HIGHEST_PROTOCOL)
    child = subprocess.run([sys.executable, "-m", __name__], input=payload, capture_output=True)
    if child.returncode != 0:
        raise RuntimeError(f"{function.__module__}.{function.__name__} failed in its own process:\n"
                           f"{child.stderr.decode(errors='replace')[-4000:]}")
    return pickle.loads(child.stdout)


def _serve() -> None:
    function, args = pickle.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(pickle.dumps(function(*args), protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    _serve()
