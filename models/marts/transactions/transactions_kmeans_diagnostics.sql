{{ kmeans_diagnostics(ref('transactions_kmeans_fit')) }}
