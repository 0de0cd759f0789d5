{#-
    How every source file is read: `<identifier>.csv`, or `<identifier>.parquet` when the folder holds that
    instead. CSV columns are matched by the names in the file's header line, typed with the `data_type`
    documented on the source column (undocumented columns are read as text and ignored), and parsed without
    DuckDB's dialect sniffer, which gives up on a file whose first rows hold a stray quote. Lines that cannot
    be parsed are skipped by the scan and kept by `store_rejects` (see capture_csv_rejects). Parquet columns
    are matched by name; numbers go through the same strict check as CSV text (a double 12.345 is no amount
    in cents), other values are cast to the documented type, null when they do not fit (then the row is
    quarantined as missing a required value). A Parquet file has no unparsable lines.
-#}
{% macro source_node(source_name, table_name) %}
    {{- return(graph.sources.values()
        | selectattr('source_name', 'equalto', source_name)
        | selectattr('name', 'equalto', table_name)
        | first) -}}
{% endmacro %}

{#- The file name of a source table, as declared in the sources YAML (identifier + .csv or .parquet); read
    from the graph, not with source(), so that only staging models depend on sources. -#}
{% macro source_file_name(source_name, table_name) %}
    {%- if not execute %}{{ return('') }}{% endif -%}
    {%- set node = source_node(source_name, table_name) -%}
    {{- return(node.identifier ~ '.' ~ source_format(node)) -}}
{% endmacro %}

{#- 'parquet' when the folder holds <identifier>.parquet, otherwise 'csv' (check_input_files refuses both). -#}
{% macro source_format(node) %}
    {%- if not execute %}{{ return('csv') }}{% endif -%}
    {%- set parquet = node.source_meta.data_dir ~ '/' ~ node.identifier ~ '.parquet' -%}
    {{- return('parquet' if file_count(parquet) > 0 else 'csv') -}}
{% endmacro %}

{% macro source_file(node) %}
    {{- return(node.source_meta.data_dir ~ '/' ~ node.identifier ~ '.' ~ source_format(node)) -}}
{% endmacro %}

{#- The column names of a Parquet file. -#}
{% macro parquet_columns(file) %}
    {{- return(run_query("select * from " ~ parquet_scan(file) ~ " limit 0").column_names | list) -}}
{% endmacro %}

{#- How many files match a glob pattern (0 when the folder does not exist). -#}
{% macro file_count(pattern) %}
    {{- return(adapter.dispatch('file_count')(pattern)) -}}
{% endmacro %}

{% macro default__file_count(pattern) %}
    {{- return(run_query("select count(*) from glob('" ~ pattern ~ "')").columns[0].values()[0]) -}}
{% endmacro %}

{#- The size of a file in bytes. -#}
{% macro file_size(path) %}
    {{- return(adapter.dispatch('file_size')(path)) -}}
{% endmacro %}

{% macro default__file_size(path) %}
    {{- return(run_query("select size from read_blob('" ~ path ~ "')").columns[0].values()[0]) -}}
{% endmacro %}

{#- A Parquet file as a relation. -#}
{% macro parquet_scan(file) %}
    {{- return(adapter.dispatch('parquet_scan')(file)) -}}
{% endmacro %}

{% macro default__parquet_scan(file) %}
    {{- return("read_parquet('" ~ file ~ "')") -}}
{% endmacro %}

{#- The file read line by line with no CSV rules at all: one row per physical line, never an error
    (latin-1 accepts any byte, so even a line with invalid UTF-8 is counted). -#}
{% macro csv_physical_lines(file) %}
    {{- return(adapter.dispatch('csv_physical_lines')(file)) -}}
{% endmacro %}

{% macro default__csv_physical_lines(file) %}
    read_csv('{{ file }}', header = false, auto_detect = false, delim = '{{ "\x1f" }}', quote = '', escape = '',
        columns = {'line': 'varchar'}, strict_mode = false, null_padding = true, encoding = 'latin-1')
{%- endmacro %}

{#- The column names of the file's header line (UTF-8 byte-order mark as read in latin-1, CR and quotes
    stripped). -#}
{% macro csv_header(file) %}
    {%- set first = run_query("select cv_first_line('" ~ file ~ "')").columns[0].values() -%}
    {%- set names = [] -%}
    {%- for name in ((first[0] or '') | replace('\u00ef\u00bb\u00bf', '') | replace('\r', '')).split(',') -%}
        {%- do names.append(name.strip().strip('"')) -%}
    {%- endfor -%}
    {{ return(names) }}
{% endmacro %}

{% macro read_csv_source(source_name, table_name) %}
    {#- registers the lineage source -> staging model -#}
    {%- set _ = source(source_name, table_name) -%}
    {%- if not execute -%}
        {{ return('(select 1)') }}
    {%- endif -%}
    {%- set node = source_node(source_name, table_name) -%}
    {%- set file = source_file(node) -%}
    {%- if file.endswith('.parquet') -%}
        {{ return(read_parquet_source(node, file, numeric_columns(source_name, table_name))) }}
    {%- endif -%}
    {{- return(adapter.dispatch('read_csv_file')(node, file)) -}}
{% endmacro %}

{#- The CSV file of a source table, columns by header name (DuckDB: read_csv with store_rejects). -#}
{% macro default__read_csv_file(node, file) %}
    {%- set types = [] -%}
    {%- for name in csv_header(file) -%}
        {%- set column = node.columns.get(name) -%}
        {%- if column -%}
            {%- set numeric = name in numeric_columns(node.source_name, node.name) -%}
            {%- do types.append("'" ~ name ~ "': '" ~ (column.data_type if column.data_type and not numeric else 'varchar') ~ "'") -%}
        {%- else -%}
            {#- undocumented, possibly unnamed (a trailing comma on every line): kept apart under a position name -#}
            {%- do types.append("'extra_column_" ~ loop.index ~ "': 'varchar'") -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set options = node.source_meta.get('csv_options', {}) -%}
    read_csv('{{ file }}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
        columns = { {{- types | join(', ') -}} },
        {%- for option, value in options.items() %}
        {{ option }} = '{{ value }}',
        {%- endfor %}
        store_rejects = true,
        rejects_table = 'csv_rejects__{{ node.identifier }}',
        rejects_scan = 'csv_reject_scans__{{ node.identifier }}')
{%- endmacro %}

{% macro read_parquet_source(node, file, numeric) %}
    (select
        {%- for name, column in node.columns.items() %}
        {%- if name in numeric %}
        cast({{ adapter.quote(name) }} as {{ dbt.type_string() }}) as {{ name }}{{ ',' if not loop.last }}
        {%- else %}
        try_cast({{ adapter.quote(name) }} as {{ engine_type(column.data_type or 'varchar') }}) as {{ name }}{{ ',' if not loop.last }}
        {%- endif %}
        {%- endfor %}
        {{- parquet_row_number(node.source_name, node.name) }}
    from {{ staged_parquet_scan(file) }})
{%- endmacro %}

{#- Whether the staging model `model` reads a Parquet file (then, on DuckDB, it is a view: macro
    materialization_staging_duckdb). -#}
{% macro staging_reads_parquet(model) %}
    {%- set source_ref = model.sources[0] -%}
    {{- return(source_format(source_node(source_ref[0], source_ref[1])) == 'parquet') -}}
{% endmacro %}

{#- The row number a staging view of a Parquet file passes on: `, file_row_number` after the last column of the
    file's scan and of its staging model, or nothing (a CSV file, or Spark, whose staging tables have a position of
    their own). -#}
{% macro parquet_row_number(source_name, table_name) %}
    {{- return(adapter.dispatch('parquet_row_number')(source_name, table_name)) -}}
{% endmacro %}

{% macro default__parquet_row_number(source_name, table_name) %}
    {%- if not execute %}{{ return('') }}{% endif -%}
    {{- return(', file_row_number' if source_format(source_node(source_name, table_name)) == 'parquet' else '') -}}
{% endmacro %}

{% macro spark__parquet_row_number(source_name, table_name) %}
    {{- return('') -}}
{% endmacro %}

{#- A Parquet file as a staging model reads it: DuckDB by absolute path, since the staging view keeps the path
    and is read from wherever the warehouse is opened, with the rows' positions in the file. -#}
{% macro staged_parquet_scan(file) %}
    {{- return(adapter.dispatch('staged_parquet_scan')(file)) -}}
{% endmacro %}

{% macro default__staged_parquet_scan(file) %}
    {%- set absolute = run_query("select cv_absolute_path('" ~ file ~ "')").columns[0].values()[0] -%}
    {{- return("read_parquet('" ~ absolute ~ "', file_row_number = true)") -}}
{% endmacro %}

{% macro spark__staged_parquet_scan(file) %}
    {{- return(parquet_scan(file)) -}}
{% endmacro %}
