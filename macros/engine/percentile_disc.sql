{#- The discrete percentile (`fraction` in 0..1) of a date or timestamp column, as a timestamp. Spark takes
    percentiles of numbers only: there it is taken over microseconds since 1970. -#}
{% macro percentile_disc_time(fraction, column) %}
    {{- return(adapter.dispatch('percentile_disc_time')(fraction, column)) -}}
{% endmacro %}

{% macro default__percentile_disc_time(fraction, column) %}
    {{- return("percentile_disc(" ~ fraction ~ ") within group (order by " ~ column ~ ")") -}}
{% endmacro %}

{% macro spark__percentile_disc_time(fraction, column) %}
    {{- return("timestamp_micros(cast(percentile_disc(" ~ fraction ~ ") within group (order by unix_micros(cast(" ~ column ~ " as timestamp))) as bigint))") -}}
{% endmacro %}
