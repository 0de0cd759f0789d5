"""Byte-level input checks used by the fail-fast hook (customer_value/input_files.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from customer_value.warehouse.input_files import first_line, last_line, layout_problem

TEXT = "order_id,payment_value\nabc,12.50\n"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (TEXT.encode(), ""),
        (TEXT.replace("\n", "\r\n").encode(), ""),
        (b"\xef\xbb\xbf" + TEXT.encode(), ""),
        ("são paulo,1\n".encode(), ""),
        (TEXT.encode("utf-16"), "is encoded as UTF-16, not UTF-8"),
        (TEXT.encode("utf-16-be"), "holds NUL bytes (a UTF-16 or binary file, not UTF-8 text)"),
        (TEXT.encode("utf-32"), "is encoded as UTF-32, not UTF-8"),
        (TEXT.replace("\n", "\r").encode(), "separates its lines with carriage returns alone (\\r), not \\n or \\r\\n"),
    ],
)
def test_layout_problem(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    assert layout_problem(str(path)) == problem


def test_last_line_is_empty_only_when_a_line_break_ends_the_file(tmp_path: Path) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(TEXT.encode())
    assert last_line(str(path)) == ""
    path.write_bytes(TEXT.encode()[:-3])
    assert last_line(str(path)) == "abc,12."
    path.write_bytes(b"x" * 70000)  # no line break at all: the last 64 KiB
    assert last_line(str(path)) == "x" * 65536


@pytest.mark.parametrize(
    ("content", "header"),
    [
        (TEXT.encode(), "order_id,payment_value"),
        (TEXT.replace("\n", "\r\n").encode(), "order_id,payment_value\r"),  # csv_header strips the \r
        (b"\xef\xbb\xbf" + TEXT.encode(), "\u00ef\u00bb\u00bforder_id,payment_value"),  # the BOM as latin-1
        (b"\nabc,1\n", ""),
        (b"order_id", "order_id"),
        (b"", ""),
    ],
)
def test_first_line_is_the_header_as_the_physical_line_reader_gives_it(tmp_path: Path, content: bytes,
                                                                        header: str) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    assert first_line(str(path)) == header
