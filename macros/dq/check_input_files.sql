{#-
    on-run-start: refuse to build on input that cannot be used at all, with one line that names the file,
    the column and the setting to change, before any model runs. A Parquet file (read instead of the CSV
    when the folder holds it, never both) must have every documented column and a row. Checked for every
    CSV source table:
    the folder exists and holds files, the file exists, is not empty, is UTF-8 text with \n or \r\n line
    breaks (not UTF-16, not carriage returns alone), ends with a line break (a file cut
    short mid-line could otherwise pass a shortened amount such as 56.3 for 56.35), has every documented
    column in its header exactly once, and holds at least one data row. Columns not documented are allowed
    (and ignored), unnamed ones too.
    Last, the warehouse's disk must have room for a build of these files (customer_value/warehouse/disk_room.py).
-#}
{% macro check_input_files() %}
{%- if execute %}
    {%- set problems = [] -%}
    {%- set inputs = [] -%}
    {%- for node in graph.sources.values() | sort(attribute='unique_id') -%}
        {%- set folder = node.source_meta.data_dir -%}
        {%- set setting = node.source_meta.data_dir_setting -%}
        {%- set file = source_file(node) -%}
        {%- do inputs.append(file) -%}
        {%- set listed = file_count(folder ~ '/*') -%}
        {%- if listed == 0 -%}
            {%- set message = "source '" ~ node.source_name ~ "': folder '" ~ folder ~ "' does not exist or is empty. Set " ~ setting ~ " to the folder that holds the " ~ node.source_name ~ " CSV files" -%}
            {%- if message not in problems %}{% do problems.append(message) %}{% endif -%}
            {%- continue -%}
        {%- endif -%}
        {%- set found = file_count(file) -%}
        {%- if found == 0 -%}
            {%- do problems.append("required file '" ~ node.identifier ~ ".csv' (or " ~ node.identifier ~ ".parquet) is missing in '" ~ folder ~ "' (source '" ~ node.source_name ~ "'). Add it, or set " ~ setting ~ " to the folder that holds it") -%}
            {%- continue -%}
        {%- endif -%}
        {%- if file.endswith('.parquet') -%}
            {%- set both = file_count(folder ~ '/' ~ node.identifier ~ '.csv') -%}
            {%- if both > 0 -%}
                {%- do problems.append("folder '" ~ folder ~ "' holds both " ~ node.identifier ~ ".csv and " ~ node.identifier ~ ".parquet, so it is not clear which to read. Keep one, or set " ~ setting ~ " to another folder") -%}
                {%- continue -%}
            {%- endif -%}
            {%- set missing = missing_columns_problem(node, file, parquet_columns(file), setting) -%}
            {%- if missing -%}
                {%- do problems.append(missing) -%}
                {%- continue -%}
            {%- endif -%}
            {%- set rows = run_query("select count(*) from (select 1 from " ~ parquet_scan(file) ~ " limit 1)").columns[0].values()[0] -%}
            {%- if rows == 0 -%}
                {%- do problems.append("file '" ~ file ~ "' has no rows. Replace it with a complete export, or set " ~ setting ~ " to another folder") -%}
            {%- endif -%}
            {%- continue -%}
        {%- endif -%}
        {%- set size = file_size(file) -%}
        {%- if size == 0 -%}
            {%- do problems.append("file '" ~ file ~ "' is empty (0 bytes): it needs the header line and data rows. Replace it with a complete export, or set " ~ setting ~ " to another folder") -%}
            {%- continue -%}
        {%- endif -%}
        {%- set layout = run_query("select cv_layout_problem('" ~ file ~ "')").columns[0].values()[0] -%}
        {%- if layout -%}
            {%- do problems.append("file '" ~ file ~ "' " ~ layout ~ ". Export it again as UTF-8 text with \\n or \\r\\n line breaks, or set " ~ setting ~ " to a folder with the original files") -%}
            {%- continue -%}
        {%- endif -%}
        {%- set unterminated = run_query("select cv_last_line('" ~ file ~ "')").columns[0].values()[0] -%}
        {%- if unterminated | trim != '' -%}
            {%- do problems.append("file '" ~ file ~ "' does not end with a line break, so its last line may be cut short: '" ~ unterminated[:120] ~ "'. If the export is complete, add a final line break; otherwise export the file again") -%}
            {%- continue -%}
        {%- endif -%}
        {%- set header = csv_header(file) -%}
        {%- set repeated = [] -%}
        {%- for name in header if name in node.columns.keys() and name not in repeated and header.count(name) > 1 -%}
            {%- do repeated.append(name) -%}
        {%- endfor -%}
        {%- if repeated -%}
            {%- do problems.append("file '" ~ file ~ "' has column(s) " ~ repeated | join(', ') ~ " more than once in its header, so it is not clear which to read. Keep one of each, or set " ~ setting ~ " to a folder with the original files") -%}
            {%- continue -%}
        {%- endif -%}
        {%- set missing = missing_columns_problem(node, file, header, setting) -%}
        {%- if missing -%}
            {%- do problems.append(missing) -%}
            {%- continue -%}
        {%- endif -%}
        {%- set rows = run_query("select count(*) from (select 1 from " ~ csv_physical_lines(file) ~ " where trim(coalesce(line, '')) <> '' limit 2)").columns[0].values()[0] -%}
        {%- if rows < 2 -%}
            {%- do problems.append("file '" ~ file ~ "' has a header but no data rows. Replace it with a complete export, or set " ~ setting ~ " to another folder") -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if not problems -%}
        {%- set warehouse = warehouse_location() -%}
        {%- set room = run_query("select cv_room_problem('" ~ warehouse ~ "', '" ~ inputs | join('\n') ~ "', '" ~ spill_location() ~ "')").columns[0].values()[0] -%}
        {%- if room %}{{ exceptions.raise_compiler_error("Not enough disk space: " ~ room) }}{% endif -%}
    {%- endif -%}
    {%- if problems -%}
        {{ exceptions.raise_compiler_error("Input files cannot be used:\n  - " ~ problems | join("\n  - ")) }}
    {%- endif -%}
{%- endif %}
select 1 as input_files_checked
{% endmacro %}

{#- The sentence for a file that lacks documented columns of its source table (`found`: the names it has),
    or none. -#}
{% macro missing_columns_problem(node, file, found, setting) %}
    {%- set missing = node.columns.keys() | reject('in', found) | list -%}
    {%- if not missing %}{{ return(none) }}{% endif -%}
    {%- set unexpected = found | reject('in', node.columns.keys()) | list -%}
    {{- return("file '" ~ file ~ "' lacks required column(s) " ~ missing | join(', ') ~ (" (found instead: " ~ unexpected | join(', ') ~ " - renamed?)" if unexpected else "") ~ ". Restore the column names of the original export, or set " ~ setting ~ " to a folder with the original files") -}}
{% endmacro %}

{#- Where the build writes: the DuckDB database file, or Spark's warehouse folder. -#}
{% macro warehouse_location() %}
    {{- return(adapter.dispatch('warehouse_location')()) -}}
{% endmacro %}

{% macro default__warehouse_location() %}
    {{- return(run_query("select path from duckdb_databases() where database_name = current_database()").columns[0].values()[0]) -}}
{% endmacro %}

{% macro spark__warehouse_location() %}
    {{- return(run_query('set spark.sql.warehouse.dir').columns[1].values()[0] | replace('file:', '')) -}}
{% endmacro %}

{#- Where the engine spills what does not fit in its memory: DuckDB's temp_directory (profiles.yml). On Spark
    '': its shuffle files go to spark.local.dir, which the disk check does not count. -#}
{% macro spill_location() %}
    {{- return(adapter.dispatch('spill_location')()) -}}
{% endmacro %}

{% macro default__spill_location() %}
    {{- return(run_query("select current_setting('temp_directory')").columns[0].values()[0] or '') -}}
{% endmacro %}

{% macro spark__spill_location() %}
    {{- return('') -}}
{% endmacro %}
