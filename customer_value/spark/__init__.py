"""The project on Apache Spark (README: "Run it on Spark").

dbt-spark's session method cannot run dbt Python models, so `make build-spark` runs `python -m
customer_value.spark`: dbt builds the SQL nodes in stages, and between two stages this process runs the
Python models' own `model(dbt, session)` functions on the same SparkSession and writes their tables back.
"""
