{{ kmeans_diagnostics(ref('ecomx_kmeans_fit')) }}
