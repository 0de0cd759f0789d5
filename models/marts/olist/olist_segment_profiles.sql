{{ segment_profiles(ref('olist_customer_segments')) }}
