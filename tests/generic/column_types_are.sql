{#- The table has exactly these columns with these types (types as DuckDB names them, in the engine's
    spelling; compared case-insensitively). Guards the shape of Python model outputs, which cannot carry a
    dbt contract: a renamed, added, dropped or retyped column fails the build. -#}
{% test column_types_are(model, column_types) %}

with

expected as (

    {% for name, data_type in column_types.items() -%}
    select '{{ name }}' as column_name, lower('{{ engine_type(data_type) }}') as data_type
    {% if not loop.last %}union all
    {% endif %}
    {%- endfor %}

),

actual as (

    {{ actual_column_types(model) | indent(4) }}
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
