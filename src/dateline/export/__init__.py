"""Exports of a dateline store: Parquet, JSONL, GDELT 2.0 Events / Mentions / GKG 2.1, PLOVER JSON.

`export(con, format, out)` is what `dateline export` runs; each format also has its own writer:
`tables.write_parquet`, `tables.write_jsonl`, `gdelt.write_events`, `gdelt.write_mentions`, `gdelt.write_gkg`,
`plover.write_plover`. Every export reads the store only (a read-only connection is enough) and orders its rows
stably: two exports of the same store are identical.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO

import duckdb

from dateline.export import gdelt, plover, tables


class ExportFormat(StrEnum):
    parquet = "parquet"
    jsonl = "jsonl"
    gdelt_events = "gdelt-events"
    gdelt_mentions = "gdelt-mentions"
    gdelt_gkg = "gdelt-gkg"
    plover = "plover"


@dataclass
class ExportReport:
    format: str
    rows: int = 0  # records written (Parquet: rows of all tables)
    skipped: int = 0  # events with no place in the format (PLOVER: CAMEO 01 and 02)
    files: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        where = f" in {len(self.files)} file(s) under {self.files[0].parent}" if self.files else ""
        skipped = f", {self.skipped} skipped (no PLOVER category)" if self.skipped else ""
        return f"{self.format}: {self.rows} record(s){where}{skipped}"


def export(
    con: duckdb.DuckDBPyConnection,
    fmt: ExportFormat | str,
    out: IO[str] | None = None,
    *,
    directory: str | Path | None = None,
) -> ExportReport:
    """Write the store in `fmt`: text formats to `out` (default stdout), Parquet into `directory` (required)."""
    fmt = ExportFormat(fmt)
    report = ExportReport(fmt.value)
    if fmt is ExportFormat.parquet:
        if directory is None:
            raise ValueError("Parquet export needs a directory (-o DIR): it writes one file per table")
        report.files = tables.write_parquet(con, directory)
        report.rows = sum(con.execute(f'SELECT count(*) FROM "{f.stem}"').fetchall()[0][0] for f in report.files)
        return report
    stream = out or sys.stdout
    if fmt is ExportFormat.jsonl:
        report.rows = tables.write_jsonl(con, stream)
    elif fmt is ExportFormat.gdelt_events:
        report.rows = gdelt.write_events(con, stream)
    elif fmt is ExportFormat.gdelt_mentions:
        report.rows = gdelt.write_mentions(con, stream)
    elif fmt is ExportFormat.gdelt_gkg:
        report.rows = gdelt.write_gkg(con, stream)
    else:
        report.rows, report.skipped = plover.write_plover(con, stream)
    return report


__all__ = ["ExportFormat", "ExportReport", "export"]
