{{ btyd_parameters(ref('ecomx_btyd_fit')) }}
