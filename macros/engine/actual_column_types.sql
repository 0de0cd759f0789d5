{#- The table's columns and their types, lower-cased. -#}
{% macro actual_column_types(model) %}
    {{- return(adapter.dispatch('actual_column_types')(model)) -}}
{% endmacro %}

{% macro default__actual_column_types(model) %}
select column_name, lower(data_type) as data_type
from information_schema.columns
where table_schema = '{{ model.schema }}'
    and table_name = '{{ model.identifier }}'
{%- endmacro %}

{#- Spark has no information_schema: the columns as the catalog describes them. -#}
{% macro spark__actual_column_types(model) %}
{%- set columns = adapter.get_columns_in_relation(model) if execute else [] -%}
{%- for column in columns %}
select '{{ column.name }}' as column_name, lower('{{ column.dtype }}') as data_type
{% if not loop.last %}union all
{% endif %}
{%- else %}
select cast(null as string) as column_name, cast(null as string) as data_type where false
{%- endfor %}
{%- endmacro %}
