with

quartiles as (

    select * from {{ ref('int_ecomx__clv_quartiles') }}

),

classes as (

    select
        {%- for cls in var('clv_classes') %}
        count(case when clv_class = '{{ cls }}' then 1 end) as {{ cls | lower }}_customers,
        {%- endfor %}
        count(*) as customers

    from {{ ref('int_ecomx__customer_clv_classes') }}

),

final as (

    select
        quartiles.reference_date,
        quartiles.q1,
        quartiles.q3,
        classes.low_customers,
        classes.medium_customers,
        classes.high_customers,
        classes.customers

    from quartiles
    cross join classes

)

select * from final
