{{ rfm_scores(ref('olist_customer_rfm'), 'customer_unique_id') }}
order by customer_unique_id
