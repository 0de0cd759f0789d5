{#- Columns with a not_null constraint, in contracted models, replace not_null data tests: DuckDB checks
    them while the table is written (`create table ... not null`, then the insert), so a null fails the model
    before the table replaces the previous one. dbt-spark sets constraints only on Delta tables; the tables
    here are Parquet, so on Spark the same promise is kept by counting the nulls of those columns once the
    table is written: the model fails and names each column. -#}
{% macro spark__persist_constraints(relation, model) %}
    {%- if not config.get('contract').enforced -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- if config.get('file_format', 'delta') == 'delta' -%}
        {%- do alter_table_add_constraints(relation, model.constraints) -%}
        {%- do alter_column_set_constraints(relation, model.columns) -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- set not_null, null_counts = [], [] -%}
    {%- for name, column in model.columns.items() -%}
        {%- if column['constraints'] | selectattr('type', 'equalto', 'not_null') | list -%}
            {%- do not_null.append(name) -%}
            {%- do null_counts.append('count_if(' ~ adapter.quote(name) ~ ' is null)') -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if not_null -%}
        {%- set counts = run_query('select ' ~ (null_counts | join(', ')) ~ ' from ' ~ relation) -%}
        {%- set failed = [] -%}
        {%- for name in not_null -%}
            {%- set nulls = counts.rows[0][loop.index0] -%}
            {%- if nulls > 0 -%}
                {%- do failed.append(name ~ ' (' ~ nulls ~ ' nulls)') -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if failed -%}
            {{- exceptions.raise_compiler_error(
                'NOT NULL constraint failed in ' ~ relation ~ ': ' ~ (failed | join(', '))
                ~ '. These columns have a not_null constraint in the YAML of ' ~ model.name ~ '.') -}}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}
