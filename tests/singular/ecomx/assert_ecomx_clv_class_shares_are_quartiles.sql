-- Low and High each hold 25% of customers and Medium 50%, within rounding (ties at a threshold
-- can move a few customers; allow 1% of customers plus one).
with

thresholds as (

    select * from {{ ref('ecomx_clv_thresholds') }}

)

select *
from thresholds
where abs(low_customers - 0.25 * customers) > 0.01 * customers + 1
    or abs(high_customers - 0.25 * customers) > 0.01 * customers + 1
    or abs(medium_customers - 0.50 * customers) > 0.01 * customers + 1
