{#- Written between a CTE's name and its body (`orders as {{ inlined() }} (`): read it afresh wherever it is
    referenced. DuckDB keeps a CTE that is referenced more than once in memory as a whole; for a plain scan of a
    stored table that is a copy of every column (a 10M-row file: about 1.3 GB against a 3GB limit), where each
    reference needs a few columns. Spark inlines every CTE already. -#}
{% macro inlined() %}
    {{- return(adapter.dispatch('inlined')()) -}}
{% endmacro %}

{% macro default__inlined() %}
    {{- return('not materialized') -}}
{% endmacro %}

{% macro spark__inlined() %}
    {{- return('') -}}
{% endmacro %}
