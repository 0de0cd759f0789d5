{#- Every (r_score, fm_score) cell of the 5 x 5 grid falls in exactly one row of the rfm_segments seed:
    no customer can be left without a named segment or fall in two. Returns the cells that do not. -#}
with

scores as (

    select * from (values (1), (2), (3), (4), (5)) as scores (score)

),

cells as (

    select r.score as r_score, fm.score as fm_score
    from scores as r
    cross join scores as fm

),

matches as (

    select cells.r_score, cells.fm_score, count(segments.segment_name) as segments
    from cells
    left join {{ ref('rfm_segments') }} as segments
        on cells.r_score between segments.r_score_min and segments.r_score_max
        and cells.fm_score between segments.fm_score_min and segments.fm_score_max
    group by cells.r_score, cells.fm_score

)

select * from matches
where segments <> 1
