with

features as (

    select * from {{ ref('int_ecomx__customer_features') }}

),

final as (

    {#- the columns and their types are the contract in _ecomx__models.yml -#}
    select * from features

)

select * from final
order by customer_id
