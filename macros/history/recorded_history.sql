{#-
    The history models are tables that read their own previous content and write it whole again, not
    incremental delete+insert models: DuckDB 1.5 can fail to replay a write-ahead log holding a DELETE and
    an INSERT on one table after the process was killed ("Conflict on tuple deletion", duckdb#25395), which
    would leave every later build failing. A table is written under a temporary name and swapped in, as
    every other table of the build.
    previous_history() is the model's own relation as the last build left it, or none on the first build.
-#}
{% macro previous_history() %}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(adapter.get_relation(database=this.database, schema=this.schema, identifier=this.identifier)) }}
{% endmacro %}
