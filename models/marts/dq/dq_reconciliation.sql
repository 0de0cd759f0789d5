{#- Per input file: rows and money read, accepted, quarantined, and found again where the accepted rows are
    used (rows_used / money_used). Balanced when every non-blank line of the file is a parsed or an
    unparsable row, or a line break inside a parsed quoted value (a stray quote that swallows the following
    lines breaks this), read = accepted + quarantined, and used = accepted. `imbalance` says in one
    sentence what went wrong and what to do; the on-run-end hook prints it.
    Money is summed over the rows the reader could parse; an unparsable line is counted in rows, but its
    amount cannot be read (see its raw line in dq_quarantine).
    With var as_of_date, rows dated after it are neither accepted nor quarantined but counted apart:
    read = accepted + quarantined + after_as_of. -#}
with

{% for file in dq_files() -%}
file_{{ loop.index }} as (

    select
        '{{ file.source }}' as source_name,
        '{{ source_file_name(file.source, file.table) }}' as file_name,
        {{ csv_data_lines(file.source, file.table) }} as lines_in_file,
        {{ line_breaks_in_values(file.staging, file.source, file.table) }} as line_breaks_in_values,
        (select count(*) from {{ csv_rejects_relation(file.staging) }}) as rows_unparsable,
        (select min(line_number) from {{ csv_rejects_relation(file.staging) }}) as first_unparsable_line,
        count(*) as rows_parsed,
        count(case when dq_reason is null then 1 end) as rows_accepted,
        count(case when dq_reason <> 'after_as_of_date' then 1 end) as rows_rule_quarantined,
        count(case when dq_reason = 'after_as_of_date' then 1 end) as rows_after_as_of,
        count(case when dq_reason = 'duplicate_row' then 1 end) as rows_duplicate,
        {%- if file.money %}
        '{{ file.money }}' as money_column,
        coalesce({{ money_sum(file.money) }}, 0) as money_read,
        coalesce({{ money_sum('case when dq_reason is null then ' ~ file.money ~ ' end') }}, 0) as money_accepted,
        coalesce({{ money_sum("case when dq_reason <> 'after_as_of_date' then " ~ file.money ~ " end") }}, 0) as money_quarantined,
        coalesce({{ money_sum("case when dq_reason = 'after_as_of_date' then " ~ file.money ~ " end") }}, 0) as money_after_as_of,
        {%- else %}
        cast(null as {{ dbt.type_string() }}) as money_column,
        cast(null as decimal(38, 2)) as money_read,
        cast(null as decimal(38, 2)) as money_accepted,
        cast(null as decimal(38, 2)) as money_quarantined,
        cast(null as decimal(38, 2)) as money_after_as_of,
        {%- endif %}
        {%- if file.used_in %}
        (select cast(coalesce({{ file.used_rows }}, 0) as bigint) from {{ ref(file.used_in) }}) as rows_used,
        {%- else %}
        cast(null as bigint) as rows_used,
        {%- endif %}
        {%- if file.used_money %}
        (select coalesce({{ file.used_money }}, 0) from {{ ref(file.used_in) }}) as money_used
        {%- else %}
        cast(null as decimal(38, 2)) as money_used
        {%- endif %}

    from {{ ref(file.validated) }}

),

{% endfor -%}
files as (

    {% for file in dq_files() -%}
    select * from file_{{ loop.index }}
    {% if not loop.last %}union all
    {% endif %}
    {%- endfor %}

),

balance as (

    select
        *,
        rows_parsed + rows_unparsable as rows_read,
        lines_in_file - line_breaks_in_values - rows_parsed - rows_unparsable as lines_in_no_row

    from files

),

final as (

    select
        source_name,
        file_name,
        lines_in_file,
        line_breaks_in_values,
        rows_read,
        rows_accepted,
        rows_rule_quarantined + rows_unparsable as rows_quarantined,
        rows_unparsable,
        rows_duplicate,
        rows_after_as_of,
        money_column,
        money_read,
        money_accepted,
        money_quarantined,
        money_after_as_of,
        rows_used,
        money_used,
        lines_in_no_row = 0
            and coalesce(money_read = money_accepted + money_quarantined + money_after_as_of, true)
            and coalesce(rows_used = rows_accepted, true)
            and coalesce(money_used = money_accepted, true) as is_balanced,
        case
            when lines_in_no_row > 0 then
                file_name || ': ' || lines_in_no_row || ' line(s) of the file ended up in no row'
                || coalesce(
                    ': a quote opened on line ' || first_unparsable_line
                    || ' is never closed, so the reader took the lines after it as one value (see dq_quarantine).'
                    || ' Remove or close that quote and run again',
                    '. Check the file for quote characters that are never closed and run again')
            when lines_in_no_row < 0 then
                file_name || ': the reader found ' || (-lines_in_no_row) || ' row(s) more than the file has lines.'
                || ' Check the file for line breaks other than \n and \r\n and run again'
            when not coalesce(money_read = money_accepted + money_quarantined + money_after_as_of, true) then
                file_name || ': money read (' || money_read || ') differs from accepted plus quarantined plus after the as-of date ('
                || (money_accepted + money_quarantined + money_after_as_of) || '): a defect in the validated model, please report it'
            when not (coalesce(rows_used = rows_accepted, true) and coalesce(money_used = money_accepted, true)) then
                file_name || ': accepted rows or money (' || rows_accepted || ' rows, ' || coalesce(cast(money_accepted as {{ dbt.type_string() }}), '-')
                || ') differ from what the marts use (' || rows_used || ' rows, ' || coalesce(cast(money_used as {{ dbt.type_string() }}), '-')
                || '): rows were lost or doubled between validation and the marts, a defect to report'
        end as imbalance

    from balance

)

select * from final
order by source_name, file_name
