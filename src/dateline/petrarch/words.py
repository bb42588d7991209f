"""Words as PETRARCH's dictionaries write them, made comparable with spaCy's tokens.

Dictionary phrases are upper case, with words joined by `_` or spaces ("MINAS_TIRITH", "BARAD-DUR", "U.S.").
spaCy splits hyphenated words ("Barad", "-", "dur"), possessives and Treebank contractions ("did", "n't"), so a
phrase is split the same way here; a token is compared by its upper-cased text (`key`).
"""

from __future__ import annotations

import re

# A word: letters/digits, with inner periods or apostrophes kept (U.S., K.U., O'BRIEN) and a final period kept
# (W., ST.); anything else that is not a space stands alone (hyphens, commas, parentheses).
_WORD = re.compile(r"[A-Z0-9]+(?:[.'][A-Z0-9]+)*\.?|[^\sA-Z0-9]")
_CONTRACTION = re.compile(r"^(.+?)(N'T)$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def key(text: str) -> str:
    """How a token is compared with dictionary words: upper case, straight apostrophes."""
    return text.translate(_APOSTROPHES).upper()


def phrase_words(phrase: str) -> tuple[str, ...]:
    """'MINAS_TIRITH' -> ('MINAS', 'TIRITH'); 'BARAD-DUR' -> ('BARAD', '-', 'DUR'); "WON'T" -> ('WO', "N'T")."""
    words: list[str] = []
    for part in re.split(r"[_\s]+", key(phrase)):
        for word in _WORD.findall(part):
            match = _CONTRACTION.match(word)
            if match and word not in {"N'T"}:
                words.extend(match.groups())
            else:
                words.append(word)
    return tuple(words)


def plurals(word: str) -> tuple[str, ...]:
    """PETRARCH's regular plurals of a noun: +S, Y -> IES, SS (and CH, SH, X) -> +ES."""
    if not word or not word[-1].isalpha():
        return ()
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return (word[:-1] + "IES",)
    if word.endswith(("SS", "CH", "SH", "X")):
        return (word + "ES",)
    return (word + "S",)


def verb_forms(word: str) -> tuple[str, ...]:
    """The regular forms of a verb PETRARCH generates: base, -S, -ED, -ING (with a doubled final consonant too,
    since spaCy lemmas are not used for regular forms: 'stopped', 'stopping')."""
    if not word.isalpha():
        return (word,)
    forms = {word}
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        forms |= {word[:-1] + "IES", word[:-1] + "IED", word + "ING"}
    elif word.endswith("E"):
        forms |= {word + "S", word + "D", (word[:-1] if not word.endswith("EE") else word) + "ING"}
    else:
        forms |= {word + ("ES" if word.endswith(("S", "SH", "CH", "X", "Z", "O")) else "S"), word + "ED", word + "ING"}
        if len(word) >= 3 and word[-1] not in "AEIOUWXY" and word[-2] in "AEIOU" and word[-3] not in "AEIOU":
            forms |= {word + word[-1] + "ED", word + word[-1] + "ING"}
    return tuple(sorted(forms))
