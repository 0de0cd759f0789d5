{#- Every column but these: `* exclude (...)` on DuckDB, `* except (...)` on Spark. -#}
{% macro star_except(columns) %}
    {{- return(adapter.dispatch('star_except')(columns)) -}}
{% endmacro %}

{% macro default__star_except(columns) %}
    {{- return('* exclude (' ~ columns | join(', ') ~ ')') -}}
{% endmacro %}

{% macro spark__star_except(columns) %}
    {{- return('* except (' ~ columns | join(', ') ~ ')') -}}
{% endmacro %}
