{#- Fails when the model and compare_model do not hold the same number of rows. -#}
{% test equal_rowcount(model, compare_model) %}

select model_rows, compare_rows
from
    (select count(*) as model_rows from {{ model }}) as left_side
    cross join (select count(*) as compare_rows from {{ compare_model }}) as right_side
where model_rows <> compare_rows

{% endtest %}
