{#-
    A source's segment history: one row per customer and period in which the customer stayed in the same
    RFM named segment and KMeans segment role, valid from the as-of date it was first seen to the as-of
    date it changed (null while current). A build recomputes only the customers whose state on its day
    differs from what the history says for that day (on a rebuild of a recorded day, none), from their
    states on every recorded day, and keeps the other customers' rows as they were (see previous_history).

    state     relation: as_of_date, customer_key, rfm_segment, segment_role (macro segment_state)
    dates     relation: the recorded as-of dates, this build's included (macro segment_history_dates)
-#}
{% macro segment_history(state, dates, customer_key) %}

with

state as (

    select {{ customer_key }}, as_of_date, rfm_segment, rfm_lifecycle, segment_role
    from {{ state }}

),

as_of as (

    select max(as_of_date) as as_of_date
    from state

),

recorded_dates as (

    select
        as_of_date,
        row_number() over (order by as_of_date) as date_number

    from {{ dates }}

),

{%- set previous = previous_history() %}
{%- if previous is none %}
{#- The first build of the history: each customer's one period starts on the day of its state. The same
    rows as the general case below gives with an empty history, without its passes over every customer. #}
first_periods as (

    select
        state.{{ customer_key }},
        state.rfm_segment,
        state.rfm_lifecycle,
        state.segment_role,
        state.as_of_date as valid_from,
        next_date.as_of_date as valid_to,
        next_date.as_of_date is null as is_current

    from state
    inner join recorded_dates
        on state.as_of_date = recorded_dates.as_of_date
    left join recorded_dates as next_date
        on next_date.date_number = recorded_dates.date_number + 1

)

select * from first_periods
{%- else %}
history as (

    select {{ customer_key }}, rfm_segment, rfm_lifecycle, segment_role, valid_from, valid_to
    from {{ previous }}

),

recorded_on_as_of as (

    select history.{{ customer_key }}, history.rfm_segment, history.segment_role
    from history
    cross join as_of
    where history.valid_from <= as_of.as_of_date
        and (history.valid_to is null or history.valid_to > as_of.as_of_date)

),

{#- Customers whose state on the as-of date differs from the recorded one (or who are new, or gone). #}
touched as (

    select {{ customer_key }} from (
        select {{ customer_key }}, rfm_segment, segment_role from state
        except
        select {{ customer_key }}, rfm_segment, segment_role from recorded_on_as_of
    ) as changed
    union
    select {{ customer_key }} from (
        select {{ customer_key }}, rfm_segment, segment_role from recorded_on_as_of
        except
        select {{ customer_key }}, rfm_segment, segment_role from state
    ) as gone

),

{#- Their state on every recorded day: the history's on the other days, this build's on its own. #}
daily_states as (

    select history.{{ customer_key }}, recorded_dates.as_of_date, history.rfm_segment, history.rfm_lifecycle, history.segment_role
    from history
    inner join touched
        on history.{{ customer_key }} = touched.{{ customer_key }}
    inner join recorded_dates
        on recorded_dates.as_of_date >= history.valid_from
        and (history.valid_to is null or recorded_dates.as_of_date < history.valid_to)
    cross join as_of
    where recorded_dates.as_of_date <> as_of.as_of_date

    union all

    select state.{{ customer_key }}, state.as_of_date, state.rfm_segment, state.rfm_lifecycle, state.segment_role
    from state
    inner join touched
        on state.{{ customer_key }} = touched.{{ customer_key }}

),

sequenced as (

    select
        daily_states.*,
        recorded_dates.date_number,
        lag(recorded_dates.date_number) over customer_days as previous_date_number,
        lag(daily_states.rfm_segment) over customer_days as previous_rfm_segment,
        lag(daily_states.segment_role) over customer_days as previous_segment_role

    from daily_states
    inner join recorded_dates
        on daily_states.as_of_date = recorded_dates.as_of_date
    window customer_days as (partition by daily_states.{{ customer_key }} order by daily_states.as_of_date)

),

{#- A period starts where the state changes or the customer was absent on the previous recorded day. #}
numbered_periods as (

    select
        *,
        sum(
            case
                when previous_date_number = date_number - 1
                    and previous_rfm_segment = rfm_segment
                    and previous_segment_role = segment_role
                then 0 else 1
            end
        ) over (partition by {{ customer_key }} order by as_of_date rows between unbounded preceding and current row)
            as period_number

    from sequenced

),

periods as (

    select
        {{ customer_key }},
        period_number,
        min(rfm_segment) as rfm_segment,
        min(rfm_lifecycle) as rfm_lifecycle,
        min(segment_role) as segment_role,
        min(as_of_date) as valid_from,
        max(date_number) as last_date_number

    from numbered_periods
    group by {{ customer_key }}, period_number

),

recomputed as (

    select
        periods.{{ customer_key }},
        periods.rfm_segment,
        periods.rfm_lifecycle,
        periods.segment_role,
        periods.valid_from,
        next_date.as_of_date as valid_to,
        next_date.as_of_date is null as is_current

    from periods
    left join recorded_dates as next_date
        on next_date.date_number = periods.last_date_number + 1

),

final as (

    select
        history.{{ customer_key }},
        history.rfm_segment,
        history.rfm_lifecycle,
        history.segment_role,
        history.valid_from,
        history.valid_to,
        history.valid_to is null as is_current

    from history
    where history.{{ customer_key }} not in (select {{ customer_key }} from touched)

    union all

    select * from recomputed

)

select * from final
{%- endif %}

{% endmacro %}
