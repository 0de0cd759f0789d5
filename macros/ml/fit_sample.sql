{#-
    The customers an estimator is fitted on: every row of `customers` up to var ml_fit_max_customers,
    above it a deterministic sample of that size. Rows are drawn in md5(key) order, per class of
    `stratify_by` when given (each class keeps its share, rounded), so the same input always gives
    the same sample on any engine. Adds `population_customers` (rows before sampling), which the fit
    records in its metadata, and, for sampled rows only, `stratum_customers` and `draw`.
    The md5 ordering runs only when there is something to sample: below the limit it costs nothing.
-#}
{% macro fit_sample(customers, key, stratify_by=none) %}
{%- set max_customers = var('ml_fit_max_customers') | int -%}

with

population as (

    select * from {{ customers }}

),

population_size as (

    select count(*) as population_customers from population

),

to_sample as (

    select population.*, population_size.population_customers
    from population
    cross join population_size
    where population_size.population_customers > {{ max_customers }}

),

drawn as (

    select
        to_sample.*,
        count(*) over ({% if stratify_by %}partition by {{ stratify_by }}{% endif %}) as stratum_customers,
        row_number() over (
            {% if stratify_by %}partition by {{ stratify_by }}{% endif %}
            order by md5(cast({{ key }} as {{ dbt.type_string() }})), {{ key }}
        ) as draw

    from to_sample

),

everyone as (

    select
        population.*,
        population_size.population_customers,
        cast(null as bigint) as stratum_customers,
        cast(null as bigint) as draw

    from population
    cross join population_size
    where population_size.population_customers <= {{ max_customers }}

),

final as (

    select * from everyone
    union all
    select * from drawn
    where draw <= round(stratum_customers * {{ max_customers }} / population_customers)

)

select * from final

{% endmacro %}
