{#- The input files under data-quality control (the file name comes from the source table's identifier in
    the sources YAML, see source_file_name): where each is parsed, where its rules are applied, the
    money column its reconciliation adds up, and where its accepted rows end up (`used_in`, with the SQL
    that counts them there and adds up their money), so dq_reconciliation can prove none was lost or
    doubled on the way. A new source adds its files here. -#}
{% macro dq_files() %}
    {{ return([
        {'source': 'olist', 'table': 'orders', 'staging': 'stg_olist__orders', 'validated': 'int_olist__orders_validated', 'money': none,
         'used_in': 'fct_olist_orders', 'used_rows': 'count(*)', 'used_money': none},
        {'source': 'olist', 'table': 'order_payments', 'staging': 'stg_olist__order_payments', 'validated': 'int_olist__order_payments_validated', 'money': 'payment_value',
         'used_in': 'fct_olist_orders', 'used_rows': 'sum(payment_rows)', 'used_money': 'sum(payment_total)'},
        {'source': 'olist', 'table': 'customers', 'staging': 'stg_olist__customers', 'validated': 'int_olist__customers_validated', 'money': none,
         'used_in': none, 'used_rows': none, 'used_money': none},
        {'source': 'ecomx', 'table': 'customers', 'staging': 'stg_ecomx__customers', 'validated': 'int_ecomx__customers_validated', 'money': none,
         'used_in': 'ecomx_customer_features', 'used_rows': 'count(*)', 'used_money': none},
        {'source': 'ecomx', 'table': 'transactions', 'staging': 'stg_ecomx__transactions', 'validated': 'int_ecomx__transactions_validated', 'money': 'transaction_amount',
         'used_in': 'ecomx_customer_features', 'used_rows': 'sum(n_transactions)', 'used_money': 'sum(total_spend)'},
        {'source': 'ecomx', 'table': 'engagements', 'staging': 'stg_ecomx__engagements', 'validated': 'int_ecomx__engagements_validated', 'money': none,
         'used_in': 'ecomx_customer_features', 'used_rows': 'count(site_visits)', 'used_money': none},
        {'source': 'ecomx', 'table': 'marketing', 'staging': 'stg_ecomx__campaigns', 'validated': 'int_ecomx__campaigns_validated', 'money': none,
         'used_in': 'ecomx_customer_features', 'used_rows': 'sum(campaigns_received)', 'used_money': none},
        {'source': 'transactions', 'table': 'transactions', 'staging': 'stg_transactions__transactions', 'validated': 'int_transactions__transactions_validated', 'money': 'amount',
         'used_in': 'transactions_customer_rfm', 'used_rows': 'sum(frequency)', 'used_money': 'sum(monetary)'},
    ]) }}
{% endmacro %}

{#- Non-empty data lines in the file, counted with no CSV rules: the reconciliation's independent count
    (a line of spaces counts: the reader rejects it as a row); for a Parquet file, its rows. -#}
{% macro csv_data_lines(source_name, table_name) %}
    {%- if not execute %}{{ return('0') }}{% endif -%}
    {%- set file = source_file(source_node(source_name, table_name)) -%}
    {%- if file.endswith('.parquet') -%}
        {{- return("(select count(*) from read_parquet('" ~ file ~ "'))") -}}
    {%- endif -%}
    {{- return("(select count(*) - 1 from " ~ csv_physical_lines(file) ~ " where coalesce(line, '') <> '')") -}}
{% endmacro %}

{#- The table of lines the CSV reader rejected for a staging model (written by capture_csv_rejects). -#}
{% macro csv_rejects_relation(staging_model) %}
    {{- return(ref(staging_model).incorporate(path={'identifier': staging_model ~ '__csv_rejects'})) -}}
{% endmacro %}

{#- Line breaks inside the parsed values of a staging table: a quoted value may legally hold one, and then
    one row spans several physical lines of the file. Counted over every text column (none in Parquet, which
    has rows, not lines). -#}
{% macro line_breaks_in_values(staging_model, source_name, table_name) %}
    {%- if not execute %}{{ return('0') }}{% endif -%}
    {%- if source_format(source_node(source_name, table_name)) == 'parquet' %}{{ return('0') }}{% endif -%}
    {%- set relation = ref(staging_model) -%}
    {%- set terms, holds_one = [], [] -%}
    {%- for column in adapter.get_columns_in_relation(relation) if column.is_string() or column.dtype | lower == 'string' -%}
        {%- do terms.append("coalesce(sum(length(" ~ adapter.quote(column.name) ~ ") - length(replace(" ~ adapter.quote(column.name) ~ ", chr(10), ''))), 0)") -%}
        {%- do holds_one.append("instr(" ~ adapter.quote(column.name) ~ ", chr(10)) > 0") -%}
    {%- endfor -%}
    {#- counted on the few rows that hold a line break: replacing in every value of 10M rows took 3 s a file -#}
    {{- return("(select cast(" ~ (terms | join(' + ') or '0') ~ " as bigint) from " ~ relation
               ~ " where " ~ (holds_one | join(' or ') or 'false') ~ ")") -}}
{% endmacro %}
