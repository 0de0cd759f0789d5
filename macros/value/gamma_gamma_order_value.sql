{#- Gamma-Gamma's expected value of a purchase day for a customer with `frequency` repeat purchase days of
    mean value `mean_value`: p (v + x m) / (p x + q - 1), the population mean p v / (q - 1) for x = 0.
    Null where q <= 1 (the mean does not exist) or the parameters are null (no fit). -#}
{% macro gamma_gamma_order_value(p, q, v, frequency, mean_value) -%}
    case
        when {{ q }} > 1 then {{ p }} * ({{ v }} + {{ frequency }} * coalesce({{ mean_value }}, 0))
            / ({{ p }} * {{ frequency }} + {{ q }} - 1)
    end
{%- endmacro %}
