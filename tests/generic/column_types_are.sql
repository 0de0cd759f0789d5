{#- The table has exactly these columns with these types (names and types as DuckDB reports them,
    compared case-insensitively). Guards the shape of Python model outputs, which cannot carry a dbt
    contract: a renamed, added, dropped or retyped column fails the build. -#}
{% test column_types_are(model, column_types) %}

with

expected as (

    {% for name, data_type in column_types.items() -%}
    select '{{ name }}' as column_name, lower('{{ data_type }}') as data_type
    {% if not loop.last %}union all
    {% endif %}
    {%- endfor %}

),

actual as (

    select column_name, lower(data_type) as data_type
    from information_schema.columns
    where table_schema = '{{ model.schema }}'
        and table_name = '{{ model.identifier }}'

)

select
    coalesce(expected.column_name, actual.column_name) as column_name,
    expected.data_type as expected_type,
    actual.data_type as actual_type

from expected
full outer join actual
    on expected.column_name = actual.column_name
where expected.data_type is distinct from actual.data_type

{% endtest %}
