{#-
    dbt run-operation reset_segment_history --args '{source: olist}': drop a source's recorded segment
    history (its history, transitions and recorded dates), so that the next build starts it afresh. The
    history models read their own previous content on every build, so this is the one way to forget history.
-#}
{% macro reset_segment_history(source) %}
    {%- set names = ['int_' ~ source ~ '__segment_history_dates', source ~ '_customer_segment_history',
        source ~ '_segment_transitions'] -%}
    {%- set found = [] -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.name in names -%}
        {%- do found.append(node.name) -%}
        {%- set relation = adapter.get_relation(node.database, node.schema, node.alias) -%}
        {%- if relation is not none -%}
            {%- do adapter.drop_relation(relation) -%}
            {{ log("Dropped " ~ relation, info=True) }}
        {%- endif -%}
    {%- endfor -%}
    {%- if found | length != names | length -%}
        {{ exceptions.raise_compiler_error("reset_segment_history: source '" ~ source ~ "' has no segment history models (models/marts/<source>/<source>_segment_transitions.sql)") }}
    {%- endif -%}
    {%- do adapter.commit() -%}
{% endmacro %}
