{#- Which row of a staging relation a row is, for the rejected models to name and the validated views to join on.
    A staging view of a Parquet file (DuckDB): its `file_row_number`, the position in the file. A staging table,
    DuckDB: `rowid`, the position in the file's parsed rows, since staging tables are written in file order
    (keep_file_order). Spark, whose Parquet tables have none: the number of the part file and the position in it
    (the file's name holds a random id; its number is the task that wrote it, the same for the same file).
    Each is the same in every build of the same file. A rejected table is rebuilt with its staging model
    (`dbt build -s stg_<source>__<file>+`). -#}
{% macro source_row(staging) %}
    {%- if execute and 'file_row_number' in adapter.get_columns_in_relation(staging) | map(attribute='name') | list -%}
        {{- return('file_row_number') -}}
    {%- endif -%}
    {{- return(adapter.dispatch('source_row')()) -}}
{% endmacro %}

{% macro default__source_row() %}
    {{- return('rowid') -}}
{% endmacro %}

{% macro spark__source_row() %}
    {#- part number x 2^40 + row: a bigint in file order, as on DuckDB -#}
    {{- return("cast(regexp_extract(_metadata.file_name, '^part-([0-9]+)', 1) as bigint) * 1099511627776 + _metadata.row_index") -}}
{% endmacro %}

{#- Staging hooks: with `true`, this connection writes tables in the order of their rows (DuckDB's
    preserve_insertion_order, which the profile turns off for every other model: parallel writes, less memory);
    with `false`, back to the profile's setting. Spark writes a scan's rows in order already. -#}
{% macro keep_file_order(keep) %}
    {{- return(adapter.dispatch('keep_file_order')(keep)) -}}
{% endmacro %}

{% macro default__keep_file_order(keep) %}
    {{- return('set session preserve_insertion_order = true' if keep else 'reset session preserve_insertion_order') -}}
{% endmacro %}

{% macro spark__keep_file_order(keep) %}
    {{- return('') -}}
{% endmacro %}

{#- Every row of a staging relation with its `source_row` first. -#}
{% macro staging_rows(staging) %}
    select {{ source_row(staging) }} as source_row, * from {{ staging }}
{%- endmacro %}
