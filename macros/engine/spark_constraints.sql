{#- Contracted models declare their not-null and check rules as constraints (not as data tests): DuckDB checks
    them while the table is written (`create table ... not null check (...)`, then the insert), so a bad row
    fails the model before the table replaces the previous one. dbt-spark sets constraints only on Delta
    tables; the tables here are Parquet, so on Spark the same promise is kept by counting, once the table is
    written, the nulls of each not_null column and the rows where a check is false (a null check passes, as in
    SQL): the model fails and names each broken rule. -#}
{% macro spark__persist_constraints(relation, model) %}
    {%- if not config.get('contract').enforced -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- if config.get('file_format', 'delta') == 'delta' -%}
        {%- do alter_table_add_constraints(relation, model.constraints) -%}
        {%- do alter_column_set_constraints(relation, model.columns) -%}
        {{- return(none) -}}
    {%- endif -%}
    {#- (column, or none for a model-level constraint; the constraint) -#}
    {%- set constraints = [] -%}
    {%- for name, column in model.columns.items() -%}
        {%- for constraint in column['constraints'] -%}{%- do constraints.append((name, constraint)) -%}{%- endfor -%}
    {%- endfor -%}
    {%- for constraint in model.constraints -%}{%- do constraints.append((none, constraint)) -%}{%- endfor -%}
    {#- (the rule as the error names it, what its offending rows are, the SQL that counts them) -#}
    {%- set rules = [] -%}
    {%- for column, constraint in constraints -%}
        {%- if constraint.type == 'not_null' and column -%}
            {%- do rules.append((column, 'null', 'count_if(' ~ adapter.quote(column) ~ ' is null)')) -%}
        {%- elif constraint.type == 'check' -%}
            {%- do rules.append(((column ~ ' ' if column else '') ~ 'check (' ~ constraint.expression ~ ')', 'false',
                                 'count_if(not (' ~ constraint.expression ~ '))')) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if rules -%}
        {%- set found = run_query('select ' ~ (rules | map(attribute=2) | join(', ')) ~ ' from ' ~ relation).rows[0] -%}
        {%- set failed = [] -%}
        {%- for rule, unit, _ in rules -%}
            {%- if found[loop.index0] > 0 -%}
                {%- do failed.append(rule ~ ': ' ~ found[loop.index0] ~ ' rows ' ~ unit) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if failed -%}
            {{- exceptions.raise_compiler_error(
                'Constraint failed in ' ~ relation ~ ': ' ~ (failed | join('; '))
                ~ '. These are the constraints in the YAML of ' ~ model.name ~ '.') -}}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}
