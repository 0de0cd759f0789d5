{#-
    Segment every customer with a KMeans parameter table (customer_value.ml.kmeans.fit_kmeans):
    standardize each feature with the fit's scaler, take the squared distance to each centroid and
    keep the nearest (ties: the lower KMeans label, as scikit-learn). The segment id, name and role
    come from the centroid's row of the fit. Row by row (the fit is one row of scaler and centroids, the
    segments a k-row table): no sort and no join between customers, at any size.

    customers  relation with one row per customer: key, the features and any columns to keep
    fit        the parameter table
    key        customer key column
    features   the clustered columns, in the fit's order (var segment_features)
    keep       further columns of `customers` to carry into the result
-#}
{% macro kmeans_segments(customers, fit, key, features, keep=[]) %}
{%- set k = var('segments_k') | int -%}

with

customers as (

    select * from {{ customers }}

),

fit as (

    select * from {{ fit }}

),

scaler as (

    select
        {%- for cluster in range(k) %}
        {%- for feature in features %}
        max(case when parameter = 'centroid' and cluster = {{ cluster }} and feature = '{{ feature }}' then value end)
            as c{{ cluster }}_{{ feature }},
        {%- endfor %}
        {%- endfor %}
        {%- for feature in features %}
        max(case when parameter = 'scaler_mean' and feature = '{{ feature }}' then value end) as mean_{{ feature }},
        max(case when parameter = 'scaler_scale' and feature = '{{ feature }}' then value end) as scale_{{ feature }}{{ ',' if not loop.last }}
        {%- endfor %}

    from fit

),

centroids as (

    select distinct cluster, segment_id, segment_name, segment_role
    from fit
    where parameter = 'centroid'

),

standardized as (

    select
        customers.*,
        {%- for feature in features %}
        (customers.{{ feature }} - scaler.mean_{{ feature }}) / scaler.scale_{{ feature }} as z_{{ feature }},
        {%- endfor %}
        scaler.*

    from customers
    cross join scaler

),

distances as (

    select
        standardized.*,
        {%- for cluster in range(k) %}
        {#- a centroid the fit does not have (fewer distinct customers than k) is never the nearest -#}
        coalesce(
            {%- for feature in features %}
            (z_{{ feature }} - c{{ cluster }}_{{ feature }}) * (z_{{ feature }} - c{{ cluster }}_{{ feature }}){{ ' +' if not loop.last }}
            {%- endfor %},
            1e308
        ) as d{{ cluster }}{{ ',' if not loop.last }}
        {%- endfor %}

    from standardized

),

nearest as (

    select
        distances.*,
        case
            {%- for cluster in range(k - 1) %}
            when {% for other in range(cluster + 1, k) %}d{{ cluster }} <= d{{ other }}{{ ' and ' if not loop.last }}{% endfor %} then {{ cluster }}
            {%- endfor %}
            else {{ k - 1 }}
        end as cluster

    from distances

),

final as (

    select
        nearest.{{ key }},
        centroids.segment_id,
        centroids.segment_name,
        centroids.segment_role{{ ',' if keep }}
        {%- for column in keep %}
        nearest.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from nearest
    inner join centroids
        on nearest.cluster = centroids.cluster

)

select * from final

{% endmacro %}
