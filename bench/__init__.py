"""The benchmark: a generated nationwide catalogue and the hot paths timed on it (`python -m bench`)."""
