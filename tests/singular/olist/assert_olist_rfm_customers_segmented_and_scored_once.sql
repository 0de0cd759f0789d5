-- Every RFM customer appears exactly once in the segments and exactly once in the scores, and no one else does.
with

rfm as (

    select customer_unique_id from {{ ref('olist_customer_rfm') }}

),

segments as (

    select customer_unique_id, count(*) as rows_in_segments
    from {{ ref('olist_customer_segments') }}
    group by customer_unique_id

),

scores as (

    select customer_unique_id, count(*) as rows_in_scores
    from {{ ref('olist_high_value_scores') }}
    group by customer_unique_id

),

compared as (

    select
        coalesce(rfm.customer_unique_id, segments.customer_unique_id, scores.customer_unique_id) as customer_unique_id,
        rfm.customer_unique_id is not null as in_rfm,
        coalesce(segments.rows_in_segments, 0) as rows_in_segments,
        coalesce(scores.rows_in_scores, 0) as rows_in_scores

    from rfm
    full outer join segments on rfm.customer_unique_id = segments.customer_unique_id
    full outer join scores on coalesce(rfm.customer_unique_id, segments.customer_unique_id) = scores.customer_unique_id

)

select *
from compared
where not in_rfm or rows_in_segments <> 1 or rows_in_scores <> 1
