{#- Fails when fewer than `at_least` (0..1) of the column's values are not null. -#}
{% test not_null_proportion(model, column_name, at_least) %}

select not_null_share
from (
    select count({{ column_name }}) * 1.0 / nullif(count(*), 0) as not_null_share
    from {{ model }}
) as shares
where not_null_share < {{ at_least }}

{% endtest %}
