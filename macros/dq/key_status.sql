{#- One row per key of a validated table, with whether any of its rows was accepted. Lets child tables
    tell "unknown parent" (no row at all) from "parent quarantined". -#}
{% macro key_status(validated, key) %}
    select {{ key }}, bool_or(dq_reason is null) as is_accepted
    from {{ validated }}
    where {{ key }} is not null
    group by {{ key }}
{%- endmacro %}
