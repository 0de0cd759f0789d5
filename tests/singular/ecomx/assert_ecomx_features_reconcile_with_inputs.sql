-- One feature row per accepted customer, and total spend across customers equals the sum of all
-- accepted transactions.
with

customers as (

    select count(*) as customers from {{ ref('int_ecomx__customers_validated') }} where dq_reason is null

),

transactions as (

    select coalesce(sum(transaction_amount), 0) as transaction_money, count(*) as transaction_rows
    from {{ ref('int_ecomx__transactions_validated') }}
    where dq_reason is null

),

features as (

    select
        count(*) as feature_rows,
        coalesce(sum(total_spend), 0) as feature_money,
        coalesce(sum(n_transactions), 0) as feature_transactions

    from {{ ref('ecomx_customer_features') }}

)

select *
from customers
cross join transactions
cross join features
where feature_rows <> customers
    or feature_money <> transaction_money
    or feature_transactions <> transaction_rows
