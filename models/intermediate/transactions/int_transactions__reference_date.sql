{{ config(materialized='table') }}

{#- The one reference date of the transactions build: the day after the latest purchase, as for Olist. -#}
{{
    rfm_reference_date(
        orders=ref('int_transactions__purchases'),
        customer_key='customer_id',
        ordered_at='purchased_at',
        day_offset=1
    )
}}
