from customer_value.spark.build import main

main()
