{#-
    Post-hook of every staging model: keeps the lines DuckDB's CSV reader could not parse.

    Sources are read with `store_rejects = true` (macro read_csv_source), so malformed lines (wrong number
    of fields, unparsable number or date, invalid UTF-8, stray quotes) are skipped by the scan and recorded
    in temporary tables of the connection that ran it: `csv_rejects__<file>` and `csv_reject_scans__<file>`.
    This hook, which runs on that same connection right after the scan, copies the latest scan's rejects
    into `<staging model>__csv_rejects`, one row per rejected line, so they outlive the connection.
-#}
{% macro capture_csv_rejects() %}
    {{- return(adapter.dispatch('capture_csv_rejects')()) -}}
{% endmacro %}

{% macro default__capture_csv_rejects() %}
{%- if execute %}
    {%- set source_ref = model.sources[0] -%}
    {%- set node = source_node(source_ref[0], source_ref[1]) -%}
    {%- set identifier = node.identifier -%}
    {%- if source_format(node) == 'parquet' %}
    {#- a Parquet file has no unparsable lines: the same table, empty -#}
    create or replace table {{ this.schema }}.{{ this.identifier }}__csv_rejects as
    select cast(null as {{ dbt.type_string() }}) as source_name, cast(null as {{ dbt.type_string() }}) as file_name, cast(null as bigint) as line_number,
        cast(null as {{ dbt.type_string() }}) as reason, cast(null as {{ dbt.type_string() }}) as detail, cast(null as {{ dbt.type_string() }}) as raw_line
    where false
    {%- else %}
    create or replace table {{ this.schema }}.{{ this.identifier }}__csv_rejects as
    with

    latest_scan as (

        select max(scan_id) as scan_id from csv_reject_scans__{{ identifier }}

    ),

    errors as (

        select csv_rejects.*
        from csv_rejects__{{ identifier }} as csv_rejects
        inner join latest_scan on csv_rejects.scan_id = latest_scan.scan_id

    )

    select
        '{{ source_ref[0] }}' as source_name,
        '{{ identifier }}.csv' as file_name,
        cast(line as bigint) as line_number,
        'unparsable_' || lower(replace(min(error_type), ' ', '_')) as reason,
        arg_min(coalesce(column_name || ': ', '') || error_message, coalesce(column_idx, -1)) as detail,
        min(csv_line) as raw_line

    from errors
    group by line
    order by line
    {%- endif %}
{%- endif %}
{% endmacro %}
