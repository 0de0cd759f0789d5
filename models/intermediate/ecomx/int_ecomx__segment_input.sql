{#- What EcomX customers are segmented on: RFM of every customer with a transaction, with engagement
    (missing engagement counts as 0). -#}
with

rfm as (

    select * from {{ ref('ecomx_customer_rfm') }}

),

features as (

    select * from {{ ref('int_ecomx__customer_features') }}

),

final as (

    select
        rfm.customer_id,
        rfm.recency_days,
        rfm.frequency,
        rfm.monetary,
        coalesce(features.site_visits, 0) as site_visits,
        coalesce(features.emails_opened, 0) as emails_opened,
        coalesce(features.clicks, 0) as clicks

    from rfm
    inner join features
        on rfm.customer_id = features.customer_id

)

select * from final
