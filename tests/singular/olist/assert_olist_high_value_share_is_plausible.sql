-- Soft expectation: the high-value segment holds between 1% and 20% of customers. Outside that range
-- the segmentation is probably not what the business means by "high value" (warn, not error).
{{ config(severity='warn') }}

select avg(is_high_value) as high_value_share
from {{ ref('olist_high_value_scores') }}
having avg(is_high_value) not between 0.01 and 0.20
