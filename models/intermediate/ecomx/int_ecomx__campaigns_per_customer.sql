{#- One row per customer who received a campaign, aggregated before any join. -#}
{%- set promotions = {'discount': 'Discount', 'buy_one_get_one': 'Buy One Get One', 'free_shipping': 'Free Shipping'} -%}

with

campaigns as (

    select * from {{ ref('int_ecomx__campaigns_validated') }}
    where dq_reason is null

),

final as (

    select
        customer_id,
        count(*) as campaigns_received,
        count(case when is_responded then 1 end) as campaigns_responded,
        {%- for column, promotion in promotions.items() %}
        coalesce(bool_or(is_responded and promotion_type = '{{ promotion }}'), false) as responded_{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from campaigns
    group by customer_id

)

select * from final
