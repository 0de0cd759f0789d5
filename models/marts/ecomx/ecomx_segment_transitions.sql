{{ config(materialized='table') }}

{{
    segment_transitions(
        history=ref('ecomx_customer_segment_history'),
        dates=ref('int_ecomx__segment_history_dates'),
        purchases=ref('int_ecomx__purchases'),
        customer_key='customer_id'
    )
}}
