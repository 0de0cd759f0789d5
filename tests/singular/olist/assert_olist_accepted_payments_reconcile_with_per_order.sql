-- The accepted payment rows (raw rows minus quarantine) add up to the per-order aggregation:
-- no row lost or doubled.
with

raw as (

    select coalesce(sum(payment_value), 0) as raw_money, count(*) as raw_rows
    from {{ ref('int_olist__order_payments_validated') }}
    where dq_reason is null

),

aggregated as (

    select coalesce(sum(payment_total), 0) as aggregated_money, coalesce(sum(payment_rows), 0) as aggregated_rows
    from {{ ref('int_olist__payments_per_order') }}

)

select *
from raw
cross join aggregated
where raw_money <> aggregated_money or raw_rows <> aggregated_rows
