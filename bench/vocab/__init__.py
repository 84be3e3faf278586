"""Vocabulary of the SYNTHETIC benchmark corpus: real Vietnamese technical terms, each with its English.

Nothing here describes a real standard: bench/corpus.py combines these words at random (seeded) into
titles, numbers and scopes that look like a national catalogue, so the search engines meet the same
shapes of text (syllables with full diacritics, đ, numbers with parts and years) as in production.
"""

from bench.vocab.aspects import ANALYTES, ASPECTS, METHODS, MICROBES, PROPERTIES, TCCS_ISSUERS
from bench.vocab.domains import DOMAINS

__all__ = ["ANALYTES", "ASPECTS", "DOMAINS", "METHODS", "MICROBES", "PROPERTIES", "TCCS_ISSUERS"]
