{#- True when the whole text matches the regular expression (RE2 on DuckDB, Java on Spark). -#}
{% macro full_match(value, pattern) %}
    {{- return(adapter.dispatch('full_match')(value, pattern)) -}}
{% endmacro %}

{% macro default__full_match(value, pattern) %}
    {{- return("regexp_full_match(" ~ value ~ ", '" ~ pattern ~ "')") -}}
{% endmacro %}

{#- Spark reads backslashes in string literals as escapes, so they are doubled; `\z` instead of a final `$`,
    which in Java also matches before a trailing line break. -#}
{% macro spark__full_match(value, pattern) %}
    {%- set java = pattern | replace('\\', '\\\\') -%}
    {%- if java.endswith('$') %}{% set java = java[:-1] ~ '\\\\z' %}{% endif -%}
    {{- return("(" ~ value ~ " rlike '" ~ java ~ "')") -}}
{% endmacro %}
