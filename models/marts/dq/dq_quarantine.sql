{#- Every input row that did not make it into the marts, with the reason. -#}
with

{% for file in dq_files() -%}
unparsable_{{ loop.index }} as (

    select
        source_name,
        file_name,
        line_number,
        cast(null as {{ dbt.type_string() }}) as record_key,
        reason,
        detail,
        raw_line as raw_values

    from {{ csv_rejects_relation(file.staging) }}

),

rule_broken_{{ loop.index }} as (

    select
        '{{ file.source }}' as source_name,
        '{{ source_file_name(file.source, file.table) }}' as file_name,
        cast(null as bigint) as line_number,
        validated.record_key,
        validated.dq_reason as reason,
        validated.dq_detail as detail,
        {{ row_to_json('validated') }} as raw_values

    from {{ ref(file.validated) }} as validated
    where validated.dq_reason <> 'after_as_of_date'

),

{% endfor -%}
final as (

    {% for file in dq_files() -%}
    select * from unparsable_{{ loop.index }}
    union all
    select * from rule_broken_{{ loop.index }}
    {% if not loop.last %}union all
    {% endif %}
    {%- endfor %}

)

select * from final
order by source_name, file_name, line_number nulls last, reason, record_key, raw_values
