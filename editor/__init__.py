"""Каталог госпабликов: the desktop editor and command line of a region's official public pages."""

__version__ = "0.1.0"
