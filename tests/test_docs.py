"""Docs stay true: the CLI reference is generated from --help, and every command documents itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import typer

from dateline.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _commands(group: click.Group):
    for cmd in group.commands.values():
        if hasattr(cmd, "commands"):
            yield from _commands(cmd)
        else:
            yield cmd


def test_cli_reference_is_current():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "cli_reference.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr


def test_every_command_has_help_an_example_and_option_help():
    for cmd in _commands(typer.main.get_command(app)):
        assert cmd.help and "Example:" in cmd.help, cmd.name
        for param in cmd.params:
            if getattr(param, "param_type_name", "") == "option" and param.name != "help":
                assert param.help, f"{cmd.name} --{param.name} has no help"


def test_readme_quick_start_is_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = [b.split("```", 1)[0].strip() for b in quick.split("```bash\n")[1:]]
    assert len(blocks) == 2 and all("\n" not in b for b in blocks)
    assert "dateline ingest" in blocks[0] and blocks[1].endswith("pytest")
    assert blocks[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
