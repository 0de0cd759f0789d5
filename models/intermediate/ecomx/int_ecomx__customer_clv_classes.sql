{{ config(materialized='table') }}
{#- The CLV class of every customer: below Q1, from Q1 to below Q3, from Q3 (var clv_classes, in that order). -#}
{%- set classes = var('clv_classes') -%}

with

clv as (

    select * from {{ ref('int_ecomx__customer_clv') }}

),

quartiles as (

    select * from {{ ref('int_ecomx__clv_quartiles') }}

),

final as (

    select
        clv.customer_id,
        clv.reference_date,
        clv.total_spend,
        clv.tenure_days,
        clv.clv,
        case
            when clv.clv < quartiles.q1 then '{{ classes[0] }}'
            when clv.clv < quartiles.q3 then '{{ classes[1] }}'
            else '{{ classes[2] }}'
        end as clv_class

    from clv
    cross join quartiles

)

select * from final
