{#- The logistic function 1 / (1 + exp(-x)), without overflow for large negative x. -#}
{% macro sigmoid(x) -%}
case when {{ x }} >= 0 then 1 / (1 + exp(-({{ x }}))) else exp({{ x }}) / (1 + exp({{ x }})) end
{%- endmacro %}
