"""Pages of the projects app, split by topic."""
