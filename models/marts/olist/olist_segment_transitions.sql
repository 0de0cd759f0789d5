{{ config(materialized='table') }}

{{
    segment_transitions(
        history=ref('olist_customer_segment_history'),
        dates=ref('int_olist__segment_history_dates'),
        purchases=ref('int_olist__purchases'),
        customer_key='customer_unique_id'
    )
}}
