{{ config(materialized='table') }}

{#- The one reference date of the Olist build: the day after the latest delivered purchase. -#}
{{
    rfm_reference_date(
        orders=ref('fct_olist_orders'),
        customer_key='customer_unique_id',
        ordered_at='purchased_at',
        where='is_delivered',
        day_offset=1
    )
}}
