{#- A type as the sources and column_types_are tests write it (DuckDB's names), in the target engine's
    spelling: Spark calls varchar `string` (its varchar needs a length) and blob `binary`. -#}
{% macro engine_type(data_type) %}
    {{- return(adapter.dispatch('engine_type')(data_type)) -}}
{% endmacro %}

{% macro default__engine_type(data_type) %}
    {{- return(data_type) -}}
{% endmacro %}

{% macro spark__engine_type(data_type) %}
    {{- return({'varchar': 'string', 'blob': 'binary', 'integer': 'int'}.get(data_type | lower, data_type | lower)) -}}
{% endmacro %}

{#- dbt's cast (the contract checks build their empty schema with it): on Spark, in Spark's type names. -#}
{% macro spark__cast(field, type) %}
    cast({{ field }} as {{ engine_type(type) }})
{%- endmacro %}
