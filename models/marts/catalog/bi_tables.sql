{#- The BI-facing tables, read from the exposures (models/exposures/_exposures.yml), the one place that
    declares them: publishing exports exactly these, the report reads only those of its exposure, and the
    build summary prints from here. One row per exposure and table it reads. -#}
{%- set rows = [] -%}
{%- if execute -%}
    {%- for exposure in graph.exposures.values() | sort(attribute='name') -%}
        {%- for unique_id in exposure.depends_on.nodes | sort -%}
            {%- set node = graph.nodes[unique_id] -%}
            {%- do rows.append({'exposure': exposure, 'node': node}) -%}
        {%- endfor -%}
    {%- endfor -%}
{%- endif -%}

with

declared as (

    {% for row in rows -%}
    select
        '{{ row.exposure.name }}' as exposure_name,
        '{{ row.exposure.type }}' as exposure_type,
        '{{ row.node.name }}' as table_name,
        '{{ row.node.fqn[-2] }}' as source_name
    {% if not loop.last %}union all
    {% endif %}
    {%- else -%}
    select
        cast(null as {{ dbt.type_string() }}) as exposure_name,
        cast(null as {{ dbt.type_string() }}) as exposure_type,
        cast(null as {{ dbt.type_string() }}) as table_name,
        cast(null as {{ dbt.type_string() }}) as source_name
    where false
    {%- endfor %}

),

final as (

    select exposure_name, exposure_type, table_name, source_name
    from declared

)

select * from final
order by exposure_name, table_name
