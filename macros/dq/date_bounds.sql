{#-
    The plausible range of a date or timestamp column, as one row (valid_from, valid_to, tail_limit):
      valid_from  var `<source>_valid_from` (before it the shop did not exist);
      valid_to    var `dq_valid_to`, or the build date when unset (nothing can happen in the future);
      tail_limit  90 days after the column's 99th percentile: an isolated date far beyond the rest of
                  the file (say a 2025 purchase in a 2018 export) would silently move the reference date.
    With var as_of_date, the percentile is taken over the rows up to that date, as in an export of that day.
-#}
{% macro date_bounds(relation, column, source_name) %}
    select
        cast('{{ var(source_name ~ "_valid_from") }}' as date) as valid_from,
        {%- if var('dq_valid_to', none) %}
        cast('{{ var("dq_valid_to") }}' as date) as valid_to,
        {%- else %}
        current_date as valid_to,
        {%- endif %}
        cast(
            {{ dbt.dateadd('day', 90, percentile_disc_time(0.99, column)) }}
            as date
        ) as tail_limit
    from {{ relation }}
    where not {{ is_after_as_of_date(column) }}
{%- endmacro %}

{#- True when the value lies outside the bounds computed by date_bounds (alias `bounds`). -#}
{% macro date_out_of_range(column) %}
    (cast({{ column }} as date) < bounds.valid_from
        or cast({{ column }} as date) > bounds.valid_to
        or cast({{ column }} as date) > bounds.tail_limit)
{%- endmacro %}
