{#-
    Spark variants of the source readers (macros/dq/read_csv_source.sql), giving the same rows, rejected
    lines and reason codes as DuckDB's `read_csv(... store_rejects)`:

    Spark's CSV reader maps columns by position, turns a bad value into NULL and keeps the row, and has no
    line numbers. So the file is read as text, one row per physical line numbered in file order (line 1 =
    the header), and every non-blank data line is checked as DuckDB's reader checks it, in this order:
      unparsable_invalid_encoding      bytes that are not UTF-8 (Spark keeps them as read: is_valid_utf8)
      unparsable_line_size_over_maximum  over DuckDB's 2,097,152-byte line limit
      unparsable_unquoted_value        a field that opens a quote and does not end right after closing it;
                                       a quote never closed on its line also takes every later line, which
                                       then is in no row (dq_reconciliation says so, as on DuckDB)
      unparsable_missing_columns / unparsable_too_many_columns   fewer or more fields than the header
      unparsable_cast                  a date or timestamp that does not parse (numbers are read as text and
                                       checked by strict_number, as on DuckDB)
    Fields are split with `from_csv` (quote and escape `"`, an empty field is NULL) and matched to the
    documented columns by the header's names. Differences: a line with invalid UTF-8 keeps its bytes as
    U+FFFD in raw_line (DuckDB writes '?') and its detail names no column; a quoted value spanning several lines, which
    DuckDB reads as one row, is taken here for a quote never closed.
    The parse is a temporary view of the session, `cv_csv__<file>`; the staging model reads its accepted
    lines and its post-hook (capture_csv_rejects) the rejected ones.
-#}
{% macro spark_time_pattern(duckdb_format) %}
    {%- set pattern = duckdb_format | replace('%Y', 'yyyy') | replace('%m', 'MM') | replace('%d', 'dd')
        | replace('%H', 'HH') | replace('%M', 'mm') | replace('%S', 'ss') -%}
    {{- return(pattern) -}}
{% endmacro %}

{#- The documented type of a text field, or why it does not parse. -#}
{% macro spark_typed_field(field, data_type, options) %}
    {%- set t = (data_type or 'varchar') | lower -%}
    {%- if t == 'timestamp' and options.get('timestampformat') -%}
        {{- return("to_timestamp(" ~ field ~ ", '" ~ spark_time_pattern(options.timestampformat) ~ "')") -}}
    {%- elif t == 'date' and options.get('dateformat') -%}
        {{- return("to_date(" ~ field ~ ", '" ~ spark_time_pattern(options.dateformat) ~ "')") -}}
    {%- elif t in ('timestamp', 'date') -%}
        {#- no format given: ISO 8601, as DuckDB reads it -#}
        {{- return("cast(" ~ field ~ " as " ~ t ~ ")") -}}
    {%- else -%}
        {{- return(field) -}}
    {%- endif -%}
{% endmacro %}

{#- Creates the parse view of one CSV file and returns its name with the documented columns' typed
    expressions ({name: sql}) and the names of the fields read (header order, undocumented ones as
    extra_column_<position>). -#}
{% macro spark_csv_parse(node, file) %}
    {%- set view = 'cv_csv__' ~ node.identifier -%}
    {%- set header = csv_header(file) -%}
    {%- set options = node.source_meta.get('csv_options', {}) -%}
    {%- set numeric = numeric_columns(node.source_name, node.name) -%}
    {%- set names = [] -%}
    {%- set typed = [] -%}
    {%- for name in header -%}
        {%- set column = node.columns.get(name) -%}
        {%- if column -%}
            {%- do names.append(name) -%}
            {%- do typed.append(spark_typed_field('fields._c' ~ loop.index0, none if name in numeric else column.data_type, options)) -%}
        {%- else -%}
            {%- do names.append('extra_column_' ~ loop.index) -%}
            {%- do typed.append('fields._c' ~ loop.index0) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set field = '(?:"(?:[^"]|"")*+"|[^",][^,]*+|)' -%}
    {%- set schema = [] -%}
    {%- for name in header %}{% do schema.append('_c' ~ loop.index0 ~ ' string') %}{% endfor -%}
    {%- set casts = [] -%}
    {%- for name in names -%}
        {%- if typed[loop.index0] != 'fields._c' ~ loop.index0 -%}
        {%- do casts.append({
            'failed': "(fields._c" ~ loop.index0 ~ " is not null and " ~ typed[loop.index0] ~ " is null)",
            'detail': "'" ~ name ~ ": Error when converting column \"" ~ name ~ "\". Could not convert string \"' || fields._c" ~ loop.index0 ~ " || '\" to \\'" ~ node.columns[name].data_type | upper ~ "\\''"}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- call statement('spark_csv_parse', fetch_result=false) -%}
    create or replace temporary view {{ view }} as
    with

    physical as (

        select value as line, monotonically_increasing_id() as position
        from text.`{{ file }}`

    ),

    numbered as (

        select line, row_number() over (order by position) as line_number
        from physical

    ),

    opened as (

        select
            line,
            line_number,
            line rlike '^(?:{{ field }},)*+"(?:[^"]|"")*+$' as opens_quote
        from numbered
        where line_number > 1

    ),

    swallowed as (

        select
            *,
            coalesce(max(case when opens_quote then line_number end) over (
                order by line_number rows between unbounded preceding and 1 preceding), 0) > 0 as in_open_quote
        from opened

    ),

    fields as (

        select
            line_number,
            line,
            in_open_quote,
            from_csv(line, '{{ schema | join(", ") }}', map('quote', '"', 'escape', '"', 'nullValue', '', 'mode', 'PERMISSIVE')) as fields,
            size(split(regexp_replace(line, '(^|,)"(?:[^"]|"")*+"(?=,|$)', '$1'), ',', -1)) as field_count,
            opens_quote
        from swallowed
        where line <> '' and not in_open_quote

    ),

    checked as (

        select
            *,
            case
                when not is_valid_utf8(line) then named_struct('reason', 'unparsable_invalid_encoding',
                    'detail', 'Invalid unicode (byte sequence mismatch) detected. This file is not utf-8 encoded.')
                when octet_length(line) > 2097152 then named_struct('reason', 'unparsable_line_size_over_maximum',
                    'detail', 'Maximum line size of 2097152 bytes exceeded.')
                when opens_quote or not line rlike '^{{ field }}(?:,{{ field }})*+$' then named_struct('reason', 'unparsable_unquoted_value',
                    'detail', 'Value with unterminated quote found.')
                when field_count < {{ header | length }} then named_struct('reason', 'unparsable_missing_columns',
                    'detail', element_at(array({{ names | map('tojson') | join(', ') | replace('"', "'") }}), field_count + 1)
                        || ': Expected Number of Columns: {{ header | length }} Found: ' || field_count)
                when field_count > {{ header | length }} then named_struct('reason', 'unparsable_too_many_columns',
                    'detail', 'Expected Number of Columns: {{ header | length }} Found: ' || field_count)
                {%- for cast in casts %}
                when {{ cast.failed }} then named_struct('reason', 'unparsable_cast', 'detail', {{ cast.detail }})
                {%- endfor %}
            end as rejection
        from fields

    )

    select
        line_number,
        line,
        rejection.reason as reason,
        rejection.detail as detail,
        {%- for name in names %}
        {{ typed[loop.index0] }} as {{ adapter.quote(name) }}{{ ',' if not loop.last }}
        {%- endfor %}
    from checked
    {%- endcall -%}
    {{- return({'view': view, 'names': names}) -}}
{% endmacro %}

{% macro spark__read_csv_file(node, file) %}
    {%- set parsed = spark_csv_parse(node, file) -%}
    (select {{ parsed.names | map('string') | join(', ') }} from {{ parsed.view }} where reason is null)
{%- endmacro %}

{% macro spark__csv_physical_lines(file) %}
    (select value as line from text.`{{ file }}`)
{%- endmacro %}

{% macro spark__parquet_scan(file) %}
    {{- return("parquet.`" ~ file ~ "`") -}}
{% endmacro %}

{% macro spark__file_count(pattern) %}
    {{- return(run_query("select cv_file_count('" ~ pattern ~ "')").columns[0].values()[0]) -}}
{% endmacro %}

{% macro spark__file_size(path) %}
    {{- return(run_query("select cv_file_size('" ~ path ~ "')").columns[0].values()[0]) -}}
{% endmacro %}

{#- Post-hook of a staging model on Spark: the lines its parse view rejected (see capture_csv_rejects). -#}
{% macro spark__capture_csv_rejects() %}
{%- if execute %}
    {%- set source_ref = model.sources[0] -%}
    {%- set node = source_node(source_ref[0], source_ref[1]) -%}
    {%- set rejects = this.schema ~ '.' ~ this.identifier ~ '__csv_rejects' -%}
    {%- do run_query('drop table if exists ' ~ rejects) -%}
    create table {{ rejects }} using parquet as
    {%- if source_format(node) == 'parquet' %}
    select cast(null as string) as source_name, cast(null as string) as file_name, cast(null as bigint) as line_number,
        cast(null as string) as reason, cast(null as string) as detail, cast(null as string) as raw_line
    where false
    {%- else %}
    select
        '{{ source_ref[0] }}' as source_name,
        '{{ node.identifier }}.csv' as file_name,
        cast(line_number as bigint) as line_number,
        reason,
        detail,
        make_valid_utf8(line) as raw_line
    from cv_csv__{{ node.identifier }}
    where reason is not null
    order by line_number
    {%- endif %}
{%- endif %}
{% endmacro %}
