{#-
    The customers an estimator is fitted on: every row of `customers` up to var ml_fit_max_customers,
    above it a deterministic sample of that size. Rows are drawn in md5(key) order, per class of
    `stratify_by` when given (each class keeps its share, rounded), so the same input always gives
    the same sample on any engine. Adds `population_customers` (rows before sampling), which the fit
    records in its metadata, and, for sampled rows only, `stratum_customers` and `draw`.
    The md5 ordering runs only when there is something to sample: below the limit it costs nothing.
    Above it, only the rows that can be drawn are sorted: rows are counted per 3-hex-digit md5 prefix
    (4,096 buckets; lowercase hex of one length sorts as its number), and a bucket is kept while the rows
    before it are fewer than the stratum's quota. Every row with a smaller hash lies in a kept bucket, so
    `draw` is the row's position among all the stratum's rows, as a window over all of them would number it
    (at 9.4M customers and a quota of 1M: about 1M rows sorted instead of 9.4M).
-#}
{% macro fit_sample(customers, key, stratify_by=none) %}
{%- set max_customers = var('ml_fit_max_customers') | int -%}
{%- set stratum = stratify_by if stratify_by else "'all'" -%}

with

population as (

    select * from {{ customers }}

),

population_size as (

    select count(*) as population_customers from population

),

to_sample as (

    select
        population.*,
        population_size.population_customers,
        md5(cast(population.{{ key }} as {{ dbt.type_string() }})) as draw_hash

    from population
    cross join population_size
    where population_size.population_customers > {{ max_customers }}

),

buckets as (

    select
        {{ stratum }} as stratum,
        substr(draw_hash, 1, 3) as bucket,
        count(*) as bucket_customers

    from to_sample
    group by 1, 2

),

stratum_buckets as (

    select
        stratum,
        bucket,
        cast(sum(bucket_customers) over (partition by stratum) as bigint) as stratum_customers,
        cast(coalesce(sum(bucket_customers) over (
            partition by stratum order by bucket rows between unbounded preceding and 1 preceding
        ), 0) as bigint) as customers_before

    from buckets

),

{#- each class keeps its share of the sample, rounded -#}
quotas as (

    select
        stratum_buckets.*,
        round(stratum_buckets.stratum_customers * {{ max_customers }} / population_size.population_customers) as quota

    from stratum_buckets
    cross join population_size

),

candidates as (

    select
        to_sample.*,
        quotas.stratum_customers,
        quotas.quota

    from to_sample
    inner join quotas
        on {{ stratum }} is not distinct from quotas.stratum
        and substr(to_sample.draw_hash, 1, 3) = quotas.bucket
    where quotas.customers_before < quotas.quota

),

drawn as (

    select
        candidates.*,
        row_number() over (
            {% if stratify_by %}partition by {{ stratify_by }}{% endif %}
            order by draw_hash, {{ key }}
        ) as draw

    from candidates

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
    select {{ star_except(['draw_hash', 'quota']) }} from drawn
    where draw <= quota

)

select * from final

{% endmacro %}
