{{ segment_profiles(ref('transactions_customer_segments')) }}
