{{ config(materialized='table') }}

{{
    segment_transitions(
        history=ref('transactions_customer_segment_history'),
        dates=ref('int_transactions__segment_history_dates'),
        purchases=ref('int_transactions__purchases'),
        customer_key='customer_id'
    )
}}
