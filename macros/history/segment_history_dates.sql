{#-
    The as-of dates recorded in a source's segment history, one row each with the customers present. Each
    build adds its day, a rebuild of the latest day replaces that day's row (see previous_history).
    History is recorded forward in time: a build as of a day before the latest recorded one is refused
    (its later periods and their revenue could not be recomputed from an earlier export).
-#}
{% macro segment_history_dates(state, source_name) %}

{%- set previous = previous_history() -%}
{%- if previous is not none -%}
    {%- set latest = run_query("select max(as_of_date) from " ~ previous).columns[0].values()[0] -%}
    {%- set current = run_query("select max(as_of_date) from " ~ state).columns[0].values()[0] -%}
    {%- if latest is not none and current is not none and current < latest -%}
        {{ exceptions.raise_compiler_error(
            "Segment history of " ~ source_name ~ ": this build is as of " ~ current ~ ", but the history already"
            ~ " records " ~ latest ~ ". History is recorded forward in time only. To record earlier days, backfill"
            ~ " from scratch: make history SOURCE=" ~ source_name ~ " FROM=... TO=... RESET=1 (or dbt run-operation"
            ~ " reset_segment_history --args '{source: " ~ source_name ~ "}', then build the days in order)") }}
    {%- endif -%}
{%- endif %}

with

state as (

    select * from {{ state }}

),

current_date_row as (

    select
        as_of_date,
        count(*) as customers

    from state
    group by as_of_date

),

final as (

    {%- if previous is not none %}
    select previous.as_of_date, previous.customers
    from {{ previous }} as previous
    where previous.as_of_date not in (select as_of_date from current_date_row)
    union all
    {%- endif %}
    select as_of_date, customers from current_date_row

)

select * from final

{% endmacro %}
