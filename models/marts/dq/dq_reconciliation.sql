{#- Per input file: rows and money read, accepted, quarantined, and found again where the accepted rows are
    used (rows_used / money_used). Balanced when every non-blank line of the file is a parsed or an
    unparsable row (a stray quote that swallows the following lines breaks this), read = accepted +
    quarantined, and used = accepted.
    Money is summed over the rows the reader could parse; an unparsable line is counted in rows, but its
    amount cannot be read (see its raw line in dq_quarantine). -#}
with

{% for file in dq_files() -%}
file_{{ loop.index }} as (

    select
        '{{ file.source }}' as source_name,
        '{{ file.file }}' as file_name,
        {{ csv_data_lines(file.source, file.table) }} as lines_in_file,
        (select count(*) from {{ csv_rejects_relation(file.staging) }}) as rows_unparsable,
        count(*) as rows_parsed,
        count(case when dq_reason is null then 1 end) as rows_accepted,
        count(case when dq_reason is not null then 1 end) as rows_rule_quarantined,
        count(case when dq_reason = 'duplicate_row' then 1 end) as rows_duplicate,
        {%- if file.money %}
        '{{ file.money }}' as money_column,
        coalesce(sum({{ file.money }}), 0) as money_read,
        coalesce(sum(case when dq_reason is null then {{ file.money }} end), 0) as money_accepted,
        coalesce(sum(case when dq_reason is not null then {{ file.money }} end), 0) as money_quarantined,
        {%- else %}
        cast(null as varchar) as money_column,
        cast(null as decimal(38, 2)) as money_read,
        cast(null as decimal(38, 2)) as money_accepted,
        cast(null as decimal(38, 2)) as money_quarantined,
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

final as (

    select
        source_name,
        file_name,
        lines_in_file,
        rows_parsed + rows_unparsable as rows_read,
        rows_accepted,
        rows_rule_quarantined + rows_unparsable as rows_quarantined,
        rows_unparsable,
        rows_duplicate,
        money_column,
        money_read,
        money_accepted,
        money_quarantined,
        rows_used,
        money_used,
        lines_in_file = rows_parsed + rows_unparsable
            and coalesce(money_read = money_accepted + money_quarantined, true)
            and coalesce(rows_used = rows_accepted, true)
            and coalesce(money_used = money_accepted, true) as is_balanced

    from files

)

select * from final
order by source_name, file_name
