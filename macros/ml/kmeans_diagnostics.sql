{#- KMeans diagnostics from a parameter table (customer_value.ml.kmeans.fit_kmeans): one row per k with
    inertia and silhouette, the customers they were computed on and the chosen k (var segments_k). -#}
{% macro kmeans_diagnostics(fit) %}

with

fit as (

    select * from {{ fit }}

),

final as (

    select
        k,
        max(case when parameter = 'inertia' then value end) as inertia,
        max(case when parameter = 'silhouette' then value end) as silhouette,
        max(customers_used) as customers_used,
        k = {{ var('segments_k') | int }} as is_chosen

    from fit
    where parameter in ('inertia', 'silhouette')
    group by k

)

select * from final
order by k

{% endmacro %}
