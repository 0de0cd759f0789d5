{{ rfm_scores(ref('transactions_customer_rfm'), 'customer_id') }}
order by customer_id
