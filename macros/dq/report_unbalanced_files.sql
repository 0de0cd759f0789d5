{#-
    on-run-end: when dq_reconciliation was built in this run, print the sentence of every file that does not
    balance, so the reason for the failing is_balanced test stands in plain words at the end of the output.
-#}
{% macro report_unbalanced_files() %}
{%- if execute -%}
    {%- set built = results | selectattr('node.name', 'equalto', 'dq_reconciliation')
        | selectattr('status', 'equalto', 'success') | list -%}
    {%- if built -%}
        {%- set problems = run_query("select imbalance from " ~ built[0].node.relation_name
            ~ " where imbalance is not null order by source_name, file_name").columns[0].values() -%}
        {%- for problem in problems -%}
            {{ log("Input file not balanced: " ~ problem, info=True) }}
        {%- endfor -%}
    {%- endif -%}
{%- endif %}
select 1 as unbalanced_files_reported
{% endmacro %}
