{#- BI-facing tables land in the default schema (main); helper layers get their own plain schema
    name (staging, intermediate, reference) instead of dbt's "<target>_<custom>" concatenation. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
