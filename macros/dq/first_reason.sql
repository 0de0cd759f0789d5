{#- The first rule a row breaks, as a reason code, or null when it breaks none.
    `rules` is a list of [condition, reason] pairs in priority order: the condition is SQL that is true
    when the rule is broken, the reason a SQL expression (usually a quoted code such as 'negative_amount'). -#}
{% macro first_reason(rules) %}
    case
        {%- for condition, reason in rules %}
        when {{ condition }} then {{ reason }}
        {%- endfor %}
    end
{%- endmacro %}
