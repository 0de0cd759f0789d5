{#-
    Var `as_of_date` (YYYY-MM-DD, default none = all data): every source is built as if its files had been
    exported at the end of that day. A row dated after it gets dq_reason 'after_as_of_date': it is left out
    like a quarantined row, but it is not a defect, so dq_quarantine does not list it and dq_reconciliation
    counts it apart (rows_after_as_of, money_after_as_of). Rows that hang on such a row (the payments of a
    later order, the transactions of a later customer) follow it.
-#}
{% macro as_of_date() %}
    {%- set value = var('as_of_date', none) -%}
    {%- if value is none or value | string | trim == '' -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set text = value | string | trim -%}
    {%- if not modules.re.match('^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$', text) -%}
        {{ exceptions.raise_compiler_error("var as_of_date: '" ~ text ~ "' is not a date. Give it as YYYY-MM-DD (e.g. --vars '{as_of_date: 2018-06-30}'), or leave it unset to build on all data") }}
    {%- endif -%}
    {{ return(text) }}
{% endmacro %}

{#- SQL that is true when the date or timestamp column lies after the as-of date (false when unset or null). -#}
{% macro is_after_as_of_date(column) %}
    {%- if as_of_date() is none -%}
        false
    {%- else -%}
        coalesce(cast({{ column }} as date) > cast('{{ as_of_date() }}' as date), false)
    {%- endif -%}
{%- endmacro %}
