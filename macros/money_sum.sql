{#- The sum of an amount in cents (decimal(18, 2)) as decimal(38, 2) on every engine: DuckDB widens a
    decimal sum to 38 digits, Spark to 10 more than its input. -#}
{% macro money_sum(expression) %}
    cast(sum({{ expression }}) as decimal(38, 2))
{%- endmacro %}

{#- The mean of an amount as a double, as DuckDB's avg of decimals gives it (Spark's avg would keep a decimal
    rounded to 6 places). -#}
{% macro money_mean(expression) %}
    {{- return(adapter.dispatch('money_mean')(expression)) -}}
{% endmacro %}

{% macro default__money_mean(expression) %}
    avg({{ expression }})
{%- endmacro %}

{% macro spark__money_mean(expression) %}
    cast(sum({{ expression }}) as double) / count({{ expression }})
{%- endmacro %}
