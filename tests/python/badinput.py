"""Building blocks of the bad-input corpus: editable copies of the sample files and the expected outcome.

A `Folder` holds each CSV file as a list of byte lines (the header is line 1, as in dq_quarantine).
Defects edit lines in place or append lines, and record in an `Expected` what the build must report
(quarantine rows) and what the clean data would have been (rows the marts must not contain).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class CsvLines:
    lines: list[bytes]
    bom: bool = False
    crlf: bool = False

    @classmethod
    def read(cls, path: Path) -> "CsvLines":
        content = path.read_bytes()
        assert content.endswith(b"\n"), f"{path} must end with a line break"
        return cls(content[:-1].split(b"\n"))

    def write(self, path: Path) -> None:
        newline = b"\r\n" if self.crlf else b"\n"
        content = newline.join(self.lines) + newline
        path.write_bytes((b"\xef\xbb\xbf" if self.bom else b"") + content)

    def fields(self, line_number: int) -> list[bytes]:
        return self.lines[line_number - 1].split(b",")

    def set_field(self, line_number: int, column: str, value: bytes) -> None:
        fields = self.fields(line_number)
        fields[self.column_index(column)] = value
        self.lines[line_number - 1] = b",".join(fields)

    def column_index(self, column: str) -> int:
        return self.lines[0].split(b",").index(column.encode())

    def append(self, line: bytes) -> int:
        """Append a data line and return its line number."""
        self.lines.append(line)
        return len(self.lines)

    def value(self, line_number: int, column: str) -> str:
        return self.fields(line_number)[self.column_index(column)].decode()


@dataclass
class Folder:
    """Copies of a sample folder's CSV files, edited in memory and written back by `save`."""

    path: Path
    files: dict[str, CsvLines] = field(default_factory=dict)

    @classmethod
    def copy_of(cls, sample: Path, path: Path) -> "Folder":
        shutil.copytree(sample, path)
        return cls(path, {p.name: CsvLines.read(p) for p in sorted(path.glob("*.csv"))})

    def __getitem__(self, name: str) -> CsvLines:
        return self.files[name]

    def save(self) -> None:
        for name, lines in self.files.items():
            lines.write(self.path / name)


@dataclass(frozen=True)
class Quarantined:
    """One row dq_quarantine must hold: by line (unparsable) or by record key (rule broken)."""

    file_name: str
    reason: str
    line_number: int | None = None
    record_key: str | None = None


@dataclass
class Expected:
    quarantine: list[Quarantined] = field(default_factory=list)
    # what the clean data would have been: keys that must not reach the marts
    dropped: dict[str, set] = field(default_factory=dict)

    def drop(self, what: str, *keys) -> None:
        self.dropped.setdefault(what, set()).update(keys)
