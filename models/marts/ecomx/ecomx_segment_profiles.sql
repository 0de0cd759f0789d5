{{ segment_profiles(ref('ecomx_customer_segments')) }}
