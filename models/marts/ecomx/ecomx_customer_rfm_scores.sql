{{ rfm_scores(ref('ecomx_customer_rfm'), 'customer_id') }}
order by customer_id
