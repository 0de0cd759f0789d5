{#- One row per key of a validated table, with whether any of its rows was accepted. Lets child tables
    tell "unknown parent" (no row at all) from "parent quarantined", and from "parent after the as-of date"
    (is_after_as_of_date: none accepted, one left out for the as-of date). -#}
{% macro key_status(validated, key) %}
    select
        {{ key }},
        bool_or(dq_reason is null) as is_accepted,
        not bool_or(dq_reason is null) and bool_or(dq_reason = 'after_as_of_date') as is_after_as_of_date
    from {{ validated }}
    where {{ key }} is not null
    group by {{ key }}
{%- endmacro %}
