{{ btyd_parameters(ref('olist_btyd_fit')) }}
