"""dateline: who did what to whom, who said what, when and where, from news text.

>>> import dateline
>>> analysis = dateline.analyze("NATO condemned Russia on Tuesday.")
>>> [(e.source.code, e.code, e.target.code) for e in analysis.events]
[('NAT', '111', 'RUS')]
"""

from .model import Analysis, Article
from .pipeline import analyze

__version__ = "0.1.0"
__all__ = ["Analysis", "Article", "__version__", "analyze"]
