{#- The BI-facing BG/NBD and Gamma-Gamma parameter table of a source: the fit's rows (customer_value.ml.
    btyd_tables.fit_btyd_parameters) with the contract's types, in a fixed order. -#}
{% macro btyd_parameters(fit) %}

with

fit as (

    select * from {{ fit }}

),

final as (

    select
        cast(fit as {{ dbt.type_string() }}) as fit,
        cast(model as {{ dbt.type_string() }}) as model,
        cast(parameter as {{ dbt.type_string() }}) as parameter,
        cast(value as double) as value,
        cast(log_likelihood as double) as log_likelihood,
        cast(customers_used as bigint) as customers_used,
        cast(status as {{ dbt.type_string() }}) as status,
        cast(status_reason as {{ dbt.type_string() }}) as status_reason

    from fit

)

select * from final
order by fit, model, parameter

{% endmacro %}
