"""HTML views of the enterprise registry, by topic."""
