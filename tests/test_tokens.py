"""The shared token list: built once per article inside `shared`, gone after it, equal to the Doc's tokens."""

from __future__ import annotations

import pytest

from dateline.tokens import sentences, shared, tokens

pytestmark = pytest.mark.slow  # parses with the model


@pytest.fixture(scope="module")
def doc():
    from dateline.pipeline import load_resources

    return load_resources().parser("Aliyev arrived in Washington on Monday. He met Trump at the White House.")


def test_inside_shared_every_stage_gets_the_same_list(doc) -> None:
    with shared(doc):
        first = tokens(doc)
        assert tokens(doc) is first
        assert [t.text for t in first] == [t.text for t in doc]
        assert [t.i for t in first] == list(range(len(doc)))
        sents = sentences(doc)
        assert sentences(doc) is sents
        assert [s.text for s in sents] == [
            "Aliyev arrived in Washington on Monday.",
            "He met Trump at the White House.",
        ]


def test_nothing_is_left_on_the_doc_after_shared(doc) -> None:
    with shared(doc):
        tokens(doc)
        sentences(doc)
    assert not any(str(key).startswith("dateline.") for key in doc.user_data)
    # outside `shared`, callers still get correct (fresh) lists
    assert tokens(doc) is not tokens(doc)
    assert len(sentences(doc)) == 2


def test_shared_cleans_up_when_a_stage_fails(doc) -> None:
    with pytest.raises(RuntimeError), shared(doc):
        tokens(doc)
        raise RuntimeError("stage failed")
    assert not doc.user_data


def test_analysis_is_the_same_with_and_without_the_shared_list() -> None:
    """The stages read the shared list exactly as they read the Doc: the seed's quotes and tone do not change."""
    from dateline.actors.resolve import find_actors
    from dateline.pipeline import load_resources
    from dateline.quotes import find_quotes
    from dateline.tone import document_tone

    res = load_resources()
    text = (
        'Azer Garayev, a political analyst, said the visit was "a turning point." "It opens a new chapter," he '
        "added. The talks were not easy, he said, but Baku is ready to cooperate with Washington."
    )
    doc = res.parser(text)
    actors = find_actors(doc, res.kb, res.matcher)
    plain = (find_quotes(doc, actors, text), document_tone(text, doc=doc))
    with shared(doc):
        with_list = (find_quotes(doc, actors, text), document_tone(text, doc=doc))
    assert plain == with_list
    assert [q.speaker.name for q in plain[0]] == ["Azer Garayev"] * len(plain[0]) and len(plain[0]) >= 2
