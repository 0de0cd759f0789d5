{#- A table alias's whole row as JSON text: every column, nulls included, times as `YYYY-MM-DD HH:MM:SS`. -#}
{% macro row_to_json(alias) %}
    {{- return(adapter.dispatch('row_to_json')(alias)) -}}
{% endmacro %}

{% macro default__row_to_json(alias) %}
    cast(to_json({{ alias }}) as {{ dbt.type_string() }})
{%- endmacro %}

{% macro spark__row_to_json(alias) %}
    to_json(struct({{ alias }}.*), map('ignoreNullFields', 'false', 'timestampFormat', 'yyyy-MM-dd HH:mm:ss', 'dateFormat', 'yyyy-MM-dd'))
{%- endmacro %}
