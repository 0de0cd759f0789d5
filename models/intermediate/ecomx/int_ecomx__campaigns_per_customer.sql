{#- One row per customer who received a campaign, aggregated before any join. -#}

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
        {%- for column, promotion in var('ecomx_promotion_types').items() %}
        coalesce(bool_or(is_responded and promotion_type = '{{ promotion }}'), false) as responded_{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from campaigns
    group by customer_id

)

select * from final
