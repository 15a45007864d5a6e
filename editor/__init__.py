"""Каталог госпабликов: the catalogue editor. Layers, lowest first: db → core → exchange/tasks →
commands/itemmodels → ui → cli (see tests/test_layering.py)."""

__version__ = "0.1.0"
