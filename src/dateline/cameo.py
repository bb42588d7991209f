"""The CAMEO event-code table (data/cameo_codes.yaml): names, Goldstein scale and QuadClass."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .errors import DataFileError


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    path = resources.files("dateline") / "data" / "cameo_codes.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    table: dict[str, CameoCode] = {}
    try:
        for root, entry in raw.items():
            root_code = CameoCode(root, root, entry["name"], float(entry["goldstein"]), int(entry["quad_class"]))
            table[root] = root_code
            for code, (goldstein, name) in (entry.get("codes") or {}).items():
                if not code.startswith(root):
                    raise ValueError(f"code {code} is listed under root {root}")
                table[code] = CameoCode(code, root, name, _inherit(table, code, goldstein), root_code.quad_class)
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError("DL201", path=str(path), reason=str(exc)) from exc
    return table


def _inherit(table: dict[str, CameoCode], code: str, goldstein: float | None) -> float:
    """Codes added after GDELT's table carry no Goldstein value: use the nearest listed parent's."""
    if goldstein is not None:
        return float(goldstein)
    for n in range(len(code) - 1, 1, -1):
        parent = table.get(code[:n])
        if parent is not None:
            return parent.goldstein
    raise ValueError(f"no Goldstein value for {code} or any parent")


def lookup(code: str) -> CameoCode:
    """The entry for a code; unknown codes raise KeyError."""
    return cameo_table()[code]
