{#- The sum of an amount in cents (decimal(18, 2)) as decimal(38, 2) on every engine: DuckDB widens a
    decimal sum to 38 digits, Spark to 10 more than its input. -#}
{% macro money_sum(expression) %}
    cast(sum({{ expression }}) as decimal(38, 2))
{%- endmacro %}

{#- The mean of an amount in cents as a double, to the last bit as DuckDB's avg of decimals gives it: the sum
    in cents divided by 100 times the count (Spark's avg would keep a decimal rounded to 6 places, and a
    double sum divided by the count can differ in the last bit, which moves the BG/NBD fit). -#}
{% macro money_mean(expression) %}
    {{- return(adapter.dispatch('money_mean')(expression)) -}}
{% endmacro %}

{% macro default__money_mean(expression) %}
    avg({{ expression }})
{%- endmacro %}

{% macro spark__money_mean(expression) %}
    {{- money_mean_of('sum(' ~ expression ~ ')', 'count(' ~ expression ~ ')') -}}
{%- endmacro %}

{#- The same mean from a sum and a count already taken (money_mean of the rows they cover, to the last bit). -#}
{% macro money_mean_of(total, rows) %}
    cast(({{ total }}) * 100 as double) / (({{ rows }}) * 100)
{%- endmacro %}
