{#- Which row of a staging table a row is, for the rejected models to name and the validated views to join on:
    DuckDB's `rowid`; on Spark, whose Parquet tables have none, the file and the position in it. Fixed for as
    long as the table is: it is rebuilt, rejected rows and all, by every build of the staging model and its
    children (`dbt build -s stg_<source>__<file>+`). -#}
{% macro source_row() %}
    {{- return(adapter.dispatch('source_row')()) -}}
{% endmacro %}

{% macro default__source_row() %}
    {{- return('rowid') -}}
{% endmacro %}

{% macro spark__source_row() %}
    {{- return("concat(_metadata.file_name, '#', cast(_metadata.row_index as string))") -}}
{% endmacro %}
