"""The interactive customer-value app (Streamlit): overview, segments and customer lists, high value and
forecast, data quality and segment history, read-only from the published warehouse or Parquet exports.

Run it with `make app`; `CUSTOMER_VALUE_WAREHOUSE` points it at another warehouse file or exports folder.
"""

from pathlib import Path

MAIN = Path(__file__).with_name("main.py")  # the script `streamlit run` takes
