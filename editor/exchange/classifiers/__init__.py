"""Territory classifiers: reading Rosstat ОКТМО files and municipality lists, and loading them
into the territory tree."""
