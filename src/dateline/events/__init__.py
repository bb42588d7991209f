"""CAMEO event coding: the lexicon (data) and the coder (rules over the dependency parse)."""
