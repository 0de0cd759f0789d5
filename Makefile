# The two commands of the README: `make build` (main job on the bundled samples) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DBT_DUCKDB_PATH ?= warehouse/customer_value.duckdb
export DBT_DUCKDB_PATH
DUCKDB_THREADS ?= $(shell nproc 2>/dev/null || echo 2)
export DUCKDB_THREADS
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := False
DOCS_PORT ?= 8080
EXPORTS ?= exports

.PHONY: install browser java build build-spark test test-spark report docs app bench bench-app history clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

install: $(BIN)/.installed

# The report's browser test drives Debian's Chromium; installed here when missing (needs root, as on CI).
browser:
	@command -v chromium >/dev/null || { echo "Installing Chromium for the browser test (apt-get)"; \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || \
		{ echo "make test needs Chromium for the report's browser test: run 'apt-get install chromium' as root"; exit 1; }

# Apache Spark (README: "Run it on Spark"): the extra .[spark] (dbt-spark, pyspark; about 500 MB) on first use,
# and Java 17 or newer, installed here when missing (needs root and apt, as on CI).
$(BIN)/.spark-installed: $(BIN)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test,spark]'
	touch $@

java:
	@java -version 2>&1 | awk -F'"' '/version/ { split($$2, v, "."); found = 1; exit (v[1] >= 17 ? 0 : 1) } END { if (!found) exit 1 }' || \
		{ command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && echo "Installing Java 17 for Spark (apt-get)" && \
		  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null; } || \
		{ echo "Spark needs Java 17 or newer: install it (Debian/Ubuntu: apt-get install openjdk-17-jre-headless) and run again"; exit 1; }

SPARK_WAREHOUSE_DIR ?= warehouse/spark
export SPARK_WAREHOUSE_DIR
build-spark: $(BIN)/.spark-installed java
	$(BIN)/python -m customer_value.spark --exports $(EXPORTS)/spark

build: install
	mkdir -p $(dir $(DBT_DUCKDB_PATH))
	$(BIN)/dbt build
	$(BIN)/python -m customer_value.warehouse.publish "$(DBT_DUCKDB_PATH)" --exports "$(EXPORTS)"
	$(BIN)/python -m customer_value.warehouse.summary "$(DBT_DUCKDB_PATH)"

# Two workers (pytest-xdist), each taking whole test files (their module-scoped builds are made once) in the
# order of tests/python/conftest.py, which puts the longest file first.
TEST_WORKERS ?= 2
test: install browser
	$(BIN)/pytest -m "not spark" --numprocesses $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

# The Spark parity tests (tests/python/test_spark_parity.py): CI runs them after `make test`.
test-spark: $(BIN)/.spark-installed java
	$(BIN)/pytest -m spark

report: install
	$(BIN)/python -m customer_value.report --warehouse "$(DBT_DUCKDB_PATH)" --out reports

docs: install
	mkdir -p $(dir $(DBT_DUCKDB_PATH))
	$(BIN)/dbt docs generate --static
	@echo "Docs site: target/static_index.html (one file, opens offline); serving target/ on http://localhost:$(DOCS_PORT)"
	$(BIN)/dbt docs serve --port $(DOCS_PORT) --no-browser

# The interactive app on http://localhost:$(APP_PORT), read-only on the published warehouse copy (README: "The app").
# APP_WAREHOUSE may name another warehouse file or a folder of Parquet exports.
APP_PORT ?= 8501
APP_WAREHOUSE ?= $(dir $(DBT_DUCKDB_PATH))published/$(notdir $(DBT_DUCKDB_PATH))
app: install
	CUSTOMER_VALUE_WAREHOUSE="$(APP_WAREHOUSE)" $(BIN)/streamlit run customer_value/app/main.py --server.port $(APP_PORT)

# The app's start-up time, server start to the overview drawn in headless Chromium (docs/benchmarks.md).
bench-app: install browser
	$(BIN)/python -m customer_value.bench.app_startup "$(APP_WAREHOUSE)"

# Segment history: build one source as of every day FROM..TO, EVERY day/week/month/quarter (README: "Segment history").
SOURCE ?= olist
EVERY ?= month
history: install
	@test -n "$(FROM)" -a -n "$(TO)" || { echo "usage: make history FROM=2017-06-30 TO=2018-08-31 [EVERY=month] [SOURCE=olist]"; exit 2; }
	mkdir -p $(dir $(DBT_DUCKDB_PATH))
	$(BIN)/python -m customer_value.warehouse.history --source $(SOURCE) --from $(FROM) --to $(TO) --every $(EVERY)

# Benchmark: dbt build against the notebook's pandas pipeline on generated Olist folders (docs/benchmarks.md).
SIZES ?= 1000000 10000000
FORMAT ?= csv
REPEAT ?= 1
bench: install
	$(BIN)/python -m customer_value.bench --orders $(SIZES) --format $(FORMAT) --repeat $(REPEAT)

clean:
	rm -rf target logs warehouse exports
