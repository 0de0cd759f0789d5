{#- The reference workflow's payment aggregation: one row per paid order, so split and voucher
    payments are never double counted when joined to orders. -#}
{%- set known_payment_types = ['credit_card', 'boleto', 'voucher', 'debit_card', 'not_defined'] -%}

with

payments as (

    select * from {{ ref('int_olist__order_payments_validated') }}
    where dq_reason is null

),

final as (

    select
        order_id,
        {{ money_sum('payment_value') }} as payment_total,
        count(*) as payment_rows,
        max(payment_installments) as max_installments,
        {%- for payment_type in known_payment_types %}
        {{ money_sum("case when payment_type = '" ~ payment_type ~ "' then payment_value else 0 end") }}
            as {{ payment_type }}_amount,
        {%- endfor %}
        cast(sum(
            case
                when payment_type not in ('{{ known_payment_types | join("', '") }}')
                    or payment_type is null
                then payment_value
                else 0
            end
        ) as decimal(38, 2)) as other_amount

    from payments
    group by order_id

)

select * from final
