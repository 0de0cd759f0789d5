{#-
    The rows of `relation` (a CTE or table) with a column `duplicate_reason` classifying duplicates of a key:
      'duplicate_key'  the key occurs with different contents: every version is quarantined, none is trusted;
      'duplicate_row'  an exact copy of an earlier row (a re-sent batch): the first copy in the file is kept,
                       the later ones go (`relation` has the rows' source_row);
      null             the key occurs once.
    Conflicting versions all go, whatever their order.
    Only the rows of repeated keys (null keys count as one value, as in a partition) go through the window
    functions: partitioning every row of a 10M-row file by its key and its whole contents took 8 s, the
    grouped count of keys and the window over the few repeated ones 3 s.
-#}
{% macro flag_duplicates(relation, key_columns, all_columns) %}
    {%- set keys = key_columns | join(', ') -%}
    {%- set qualified_keys = [] -%}{%- for column in key_columns %}{% do qualified_keys.append(relation ~ '.' ~ column) %}{% endfor -%}
    {%- set everything = [] -%}{%- for column in all_columns %}{% do everything.append(relation ~ '.' ~ column) %}{% endfor -%}
    {%- set same_key -%}
        {%- for column in key_columns %}{% if not loop.first %} and {% endif %}repeated_keys.{{ column }} is not distinct from {{ relation }}.{{ column }}{% endfor -%}
    {%- endset -%}
with

repeated_keys as (

    select {{ keys }}, true as is_repeated
    from {{ relation }}
    group by {{ keys }}
    having count(*) > 1

)

select
    {{ relation }}.*,
    cast(null as {{ dbt.type_string() }}) as duplicate_reason
from {{ relation }}
left join repeated_keys
    on {{ same_key }}
where repeated_keys.is_repeated is null

union all

select
    {{ relation }}.*,
    case
        when count(*) over (partition by {{ qualified_keys | join(', ') }}) > count(*) over (partition by {{ everything | join(', ') }})
            then 'duplicate_key'
        when row_number() over (partition by {{ everything | join(', ') }} order by {{ relation }}.source_row) > 1
            then 'duplicate_row'
    end as duplicate_reason
from {{ relation }}
inner join repeated_keys
    on {{ same_key }}
{%- endmacro %}
