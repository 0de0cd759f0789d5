{{ kmeans_diagnostics(ref('olist_kmeans_fit')) }}
