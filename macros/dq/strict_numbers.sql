{#-
    Numbers are read from the files as text and cast here, strictly. DuckDB's own cast rounds: '56.355'
    to decimal(18,2) gives 56.36 and '1.5' to integer gives 2, which would silently change money and move
    rows between keys. A value that does not have exactly the documented form becomes null in its typed
    column and is named, with its raw text, in `malformed_numbers`, which sends the row to quarantine
    (reason invalid_number).
-#}
{% macro number_pattern(data_type) %}
    {%- set t = data_type | lower -%}
    {%- if t.startswith('decimal') -%}
        {%- set scale = t.split(',')[1].strip(' )') if ',' in t else '0' -%}
        {{- return('^-?[0-9]+(\\.[0-9]{1,' ~ scale ~ '})?$' if scale != '0' else '^-?[0-9]+$') -}}
    {%- elif t in ('double', 'float', 'real') -%}
        {{- return('^-?[0-9]+(\\.[0-9]+)?$') -}}
    {%- else -%}
        {{- return('^-?[0-9]+$') -}}
    {%- endif -%}
{% endmacro %}

{#- The documented numeric columns of a source table, as {name: data_type}. -#}
{% macro numeric_columns(source_name, table_name) %}
    {%- set found = {} -%}
    {%- if execute -%}
        {%- for name, column in source_node(source_name, table_name).columns.items() -%}
            {%- if column.data_type and (column.data_type | lower).split('(')[0] in ('tinyint', 'smallint', 'integer', 'int', 'bigint', 'hugeint', 'decimal', 'numeric', 'double', 'float', 'real') -%}
                {%- do found.update({name: column.data_type}) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(found) }}
{% endmacro %}

{#- The column cast to its documented type, or null when its text is not exactly a number of that type. -#}
{% macro strict_number(source_name, table_name, column) %}
    {%- set data_type = numeric_columns(source_name, table_name).get(column, 'varchar') -%}
    case
        when {{ full_match('trim(' ~ column ~ ')', number_pattern(data_type)) }}
            then cast(trim({{ column }}) as {{ data_type }})
    end
{%- endmacro %}

{#- Text naming every numeric column whose value is present but malformed, with the raw value; null when none. -#}
{% macro malformed_numbers(source_name, table_name) %}
    {%- set columns = numeric_columns(source_name, table_name) -%}
    {%- if not columns -%}
    cast(null as {{ dbt.type_string() }})
    {%- else -%}
    nullif(concat_ws(', '
        {%- for column, data_type in columns.items() %},
        case
            when trim({{ column }}) <> '' and not {{ full_match('trim(' ~ column ~ ')', number_pattern(data_type)) }}
                then '{{ column }}=' || {{ column }}
        end
        {%- endfor %}
    ), '')
    {%- endif -%}
{%- endmacro %}
