"""Actors: the knowledge base of countries, IGOs, sector words and outlets, and mention resolution."""

from dateline.actors.kb import KBEntry, KnowledgeBase, SectorWord, load_kb

__all__ = ["KBEntry", "KnowledgeBase", "SectorWord", "load_kb"]
