"""Translation of messages produced below the UI (core, exchange, command line).

Source strings are Russian (the default language); the English translation lives in
resources/translations and is installed by the application. Only QtCore is used.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "core"


def tr(text: str, context: str = CONTEXT) -> str:
    """Return `text` in the current language (unchanged when no translator is installed)."""
    return QCoreApplication.translate(context, text)
