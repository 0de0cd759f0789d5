{#-
    The as-of dates recorded in a source's segment history, one row each with the customers present. An
    incremental model: each build adds its day, a rebuild of the latest day replaces that day's row.
    History is recorded forward in time: a build as of a day before the latest recorded one is refused
    (its later periods and their revenue could not be recomputed from an earlier export).
-#}
{% macro segment_history_dates(state, source_name) %}

{%- if execute and is_incremental() -%}
    {%- set latest = run_query("select max(as_of_date) from " ~ this).columns[0].values()[0] -%}
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

final as (

    select
        as_of_date,
        count(*) as customers

    from state
    group by as_of_date

)

select * from final

{% endmacro %}
