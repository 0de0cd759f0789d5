{#-
    The customers an estimator is fitted on: every row of `customers` up to var ml_fit_max_customers,
    above it a deterministic sample of that size. Rows are drawn in md5(key) order, per class of
    `stratify_by` when given (each class keeps its share, rounded), so the same input always gives
    the same sample on any engine. Adds `population_customers` (rows before sampling), which the fit
    records in its metadata.
-#}
{% macro fit_sample(customers, key, stratify_by=none) %}
{%- set max_customers = var('ml_fit_max_customers') | int -%}

with

population as (

    select * from {{ customers }}

),

drawn as (

    select
        population.*,
        count(*) over () as population_customers,
        count(*) over ({% if stratify_by %}partition by {{ stratify_by }}{% endif %}) as stratum_customers,
        row_number() over (
            {% if stratify_by %}partition by {{ stratify_by }}{% endif %}
            order by md5(cast({{ key }} as {{ dbt.type_string() }})), {{ key }}
        ) as draw

    from population

)

select *
from drawn
where population_customers <= {{ max_customers }}
    or draw <= round(stratum_customers * {{ max_customers }} / population_customers)

{% endmacro %}
