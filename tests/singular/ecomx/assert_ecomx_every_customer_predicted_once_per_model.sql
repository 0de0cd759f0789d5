-- Every customer appears exactly once for each of the 4 models x 2 feature sets.
with

customers as (

    select customer_id from {{ ref('ecomx_customer_clv') }}

),

combinations as (

    select distinct model, feature_set from {{ ref('ecomx_clv_class_predictions') }}

),

expected as (

    select customers.customer_id, combinations.model, combinations.feature_set
    from customers
    cross join combinations

),

predicted as (

    select customer_id, model, feature_set, count(*) as rows_predicted
    from {{ ref('ecomx_clv_class_predictions') }}
    group by customer_id, model, feature_set

)

select
    coalesce(expected.customer_id, predicted.customer_id) as customer_id,
    coalesce(expected.model, predicted.model) as model,
    coalesce(expected.feature_set, predicted.feature_set) as feature_set,
    coalesce(predicted.rows_predicted, 0) as rows_predicted

from expected
full outer join predicted
    on expected.customer_id = predicted.customer_id
    and expected.model = predicted.model
    and expected.feature_set = predicted.feature_set
where coalesce(predicted.rows_predicted, 0) <> 1 or expected.customer_id is null

union all

-- all 4 models x 2 feature sets must be there, also when the table is empty, unless there is no customer
-- at all (a build as of a day before the first EcomX customer joined)
select null, 'models x feature sets', cast(count(*) as {{ dbt.type_string() }}), count(*)
from combinations
having count(*) <> 8 and (select count(*) from customers) > 0
