"""Write docs/cli.md from the CLI's own --help (so the reference can't drift).

python scripts/cli_reference.py           # rewrite docs/cli.md
python scripts/cli_reference.py --check   # exit 1 when docs/cli.md is stale (tests/test_docs.py runs this)
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
import typer
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "cli.md"
INTRO = """# CLI reference

Generated from `dateline ... --help` by `scripts/cli_reference.py`; do not edit by hand.
Every command is a thin layer over a library call (`dateline.analyze`, `dateline.read`, `dateline.store`,
`dateline.eval`), and `-h` works like `--help`.
"""


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name in sorted(group.commands):
        cmd = group.commands[name]
        paths.append((*prefix, name))
        if hasattr(cmd, "commands"):
            paths.extend(command_paths(cmd, (*prefix, name)))
    return paths


def render() -> str:
    from dateline.cli import app

    runner = CliRunner()
    root = typer.main.get_command(app)
    sections = [INTRO]
    for path in [(), *command_paths(root)]:
        result = runner.invoke(
            app, [*path, "--help"], prog_name="dateline", terminal_width=100, env={"COLUMNS": "100", "NO_COLOR": "1"}
        )
        title = " ".join(("dateline", *path))
        sections.append(f"## `{title}`\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(sections)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print("docs/cli.md is stale: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
