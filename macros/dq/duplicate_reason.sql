{#-
    Window expression classifying duplicates of a key, for a `select` over one staging table:
      'duplicate_key'  the key occurs with different contents: every version is quarantined, none is trusted;
      'duplicate_row'  an exact copy of an earlier row (a re-sent batch): one copy is kept, the others go;
      null             the row is unique.
    Row order never matters: exact copies are interchangeable, and conflicting versions all go.
-#}
{% macro duplicate_reason(key_columns, all_columns) %}
    {%- set keys = key_columns | join(', ') -%}
    {%- set everything = all_columns | join(', ') -%}
    case
        when count(*) over (partition by {{ keys }}) > count(*) over (partition by {{ everything }})
            then 'duplicate_key'
        when row_number() over (partition by {{ everything }} order by {{ everything }}) > 1
            then 'duplicate_row'
    end
{%- endmacro %}
