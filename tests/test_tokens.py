"""The shared token list: built once per article inside `shared`, gone after it, equal to the Doc's tokens."""

from __future__ import annotations

import pytest

from dateline.tokens import children, shared, tokens

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
        arrived = first[1]
        assert children(arrived) is children(arrived)  # the dependents' table is built once too
        assert [c.text for c in children(arrived)] == ["Aliyev", "in", "on", "."]


def test_nothing_is_left_on_the_doc_after_shared(doc) -> None:
    with shared(doc):
        tokens(doc)
        children(doc[1])
    assert not any(str(key).startswith("dateline.") for key in doc.user_data)
    # outside `shared`, callers still get correct (fresh) lists
    assert tokens(doc) is not tokens(doc)
    assert [c.text for c in children(doc[1])] == ["Aliyev", "in", "on", "."]


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


def test_children_from_the_shared_table_equal_spacys(doc) -> None:
    with shared(doc):
        assert all([c.i for c in children(t)] == [c.i for c in t.children] for t in tokens(doc))
    assert [c.i for c in children(doc[1])] == [c.i for c in doc[1].children]  # outside `shared` too


def test_tone_words_from_columns_match_a_token_by_token_reading() -> None:
    """tone.py reads the Doc's columns at once; the result is what reading each token gives: names and
    entities not scored, title-case words scored only at a sentence start, words before `start` left out."""
    from dateline.pipeline import load_resources
    from dateline.tone import _doc_words

    text = (
        "HEADLINE  Great Falls mourns.\n\nPresident Smith praised the brave rescue. Terrible floods hit "
        "Hope Valley! Nobody was hurt, officials said; Relief arrived."
    )
    doc = load_resources().parser(text)

    def by_token(start: int) -> list[tuple[str, bool, bool]]:
        out, new_sentence = [], True
        for t in doc:
            if t.idx < start:
                continue
            new_sentence = new_sentence or bool(t.is_sent_start)
            if not t.is_alpha:
                new_sentence = new_sentence or t.text in {".", "!", "?"}
                continue
            proper = t.pos_ == "PROPN" or bool(t.ent_type_) or (t.is_title and not new_sentence)
            out.append((t.lower_, not proper, new_sentence))
            new_sentence = False
        return out

    for start in (0, text.index("President"), text.index("hit")):
        assert _doc_words(doc, start) == by_token(start)
    words = dict((w, scorable) for w, scorable, _ in _doc_words(doc, 0))
    assert words["brave"] and words["terrible"] and not words["smith"]


def test_memo_builds_once_inside_shared_and_questions_are_per_sentence() -> None:
    from dateline.pipeline import load_resources
    from dateline.tokens import is_question, memo

    asked = load_resources().parser('Russia attacked Ukraine. Will NATO respond?" he asked. It did.')
    calls = []

    def build(d):
        calls.append(1)
        return len(d)

    with shared(asked):
        assert memo(asked, "n", build) == memo(asked, "n", build) == len(asked)
        assert len(calls) == 1
        flags = {t.text: is_question(t) for t in tokens(asked) if t.text in {"attacked", "respond", "did"}}
    assert flags == {"attacked": False, "respond": True, "did": False}
    assert "dateline.memo" not in asked.user_data
    memo(asked, "n", build)  # outside `shared`: built afresh, nothing stored
    assert len(calls) == 2 and "dateline.memo" not in asked.user_data
