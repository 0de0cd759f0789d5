"""Byte-level facts about an input file that the CSV reader cannot report, for the fail-fast checks
(macros/dq/check_input_files.sql). Each reads at most 64 KiB, so a file of any size costs nothing."""

from __future__ import annotations

import os

PROBE_BYTES = 65536
MAX_LINE_BYTES = 2_097_152  # DuckDB's CSV line limit
UTF16_32_MARKS = {
    b"\xff\xfe\x00\x00": "UTF-32", b"\x00\x00\xfe\xff": "UTF-32", b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16",
}


def absolute_path(path: str) -> str:
    """The file's absolute path, for a view that reads it wherever the warehouse is opened from."""
    return os.path.abspath(path)


def last_line(path: str) -> str:
    """The text after the last line break ('' when the file ends with one), at most 64 KiB of it."""
    with open(path, "rb") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(max(0, size - PROBE_BYTES))
        tail = handle.read()
    return tail.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")


def first_line(path: str) -> str:
    """The bytes before the first line break (the header), read as latin-1 like the physical-line reader
    (macro csv_physical_lines) reads them, at most MAX_LINE_BYTES of them. A query's `limit 1` would need
    the file's row order, which DuckDB does not keep with preserve_insertion_order off."""
    with open(path, "rb") as handle:
        head = handle.readline(MAX_LINE_BYTES)
    return head.rstrip(b"\n").decode("latin-1")


def layout_problem(path: str) -> str:
    """'' when the file can be read as UTF-8 lines; otherwise what is wrong with its bytes, in words."""
    with open(path, "rb") as handle:
        head = handle.read(PROBE_BYTES)
    for mark, encoding in UTF16_32_MARKS.items():
        if head.startswith(mark):
            return f"is encoded as {encoding}, not UTF-8"
    if b"\x00" in head:
        return "holds NUL bytes (a UTF-16 or binary file, not UTF-8 text)"
    if b"\r" in head and b"\n" not in head:
        return "separates its lines with carriage returns alone (\\r), not \\n or \\r\\n"
    return ""
