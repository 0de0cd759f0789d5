{#-
    Per distinct value of `column` in `relation`: how many rows hold a value that comes strictly before it in
    `order` ('asc' or 'desc'), as `rows_before`. A running count over the few distinct values instead of a rank
    window that sorts every row: value_window_features joins it back to every customer, rfm_scores takes each
    score's first value from it.
-#}
{% macro rows_before_value(relation, column, order) %}
    select
        {{ column }},
        cast(coalesce(sum(count(*)) over (order by {{ column }} {{ order }} rows between unbounded preceding and 1 preceding), 0)
            as bigint) as rows_before

    from {{ relation }}
    group by {{ column }}
{%- endmacro %}
