{{ btyd_parameters(ref('transactions_btyd_fit')) }}
