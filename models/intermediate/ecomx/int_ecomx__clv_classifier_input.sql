{#- Every customer with the columns of every feature set (var clv_feature_sets) and the clv_class label. -#}
{%- set columns = [] -%}
{%- for spec in var('clv_feature_sets').values() -%}
    {%- for column in spec['numeric'] + spec.get('categorical', []) if column not in columns -%}
        {%- do columns.append(column) -%}
    {%- endfor -%}
{%- endfor -%}

with

features as (

    select * from {{ ref('int_ecomx__customer_features') }}

),

classes as (

    select * from {{ ref('int_ecomx__customer_clv_classes') }}

),

final as (

    select
        features.customer_id,
        {%- for column in columns %}
        features.{{ column }},
        {%- endfor %}
        classes.clv_class

    from features
    inner join classes
        on features.customer_id = classes.customer_id

)

select * from final
