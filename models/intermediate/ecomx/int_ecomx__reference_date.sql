{{ config(materialized='table') }}

{#- The one reference date of the EcomX build: the last transaction date in the data (2024-05-31 on the
    published files), for RFM and for CLV tenure. -#}
{{
    rfm_reference_date(
        orders=ref('int_ecomx__transactions_validated'),
        customer_key='customer_id',
        ordered_at='transaction_date',
        where='dq_reason is null',
        day_offset=0
    )
}}
