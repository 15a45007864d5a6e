"""Translation of messages produced below the UI (core, exchange, command line).

Source strings are Russian (the default language); the English translation lives in
resources/translations and is installed by the application. Only QtCore is used.
"""

from __future__ import annotations

import sys

CONTEXT = "core"
# QCoreApplication.translate once QtCore is loaded: it takes ~0.15 s to import, which a
# process that never loads it (the command line, the import's reader process) is spared — a
# translator can only be installed through QtCore, so until then every text stays as it is.
_QTCORE = "PySide6.QtCore"
_translate: list = []


def tr(text: str, context: str = CONTEXT) -> str:
    """Return `text` in the current language (unchanged when no translator is installed)."""
    if not _translate:
        if _QTCORE not in sys.modules:
            return text
        from PySide6.QtCore import QCoreApplication

        _translate.append(QCoreApplication.translate)
    return _translate[0](context, text)


def current_language() -> str:
    """ "en" when the English translation is installed, else "ru" (the source language)."""
    if _QTCORE not in sys.modules:
        return "ru"  # nothing can have installed it
    from PySide6.QtCore import QLocale

    return "en" if QLocale().language() == QLocale.Language.English else "ru"


_installed: list[object] = []


def install_language(language: str) -> None:
    """Install our translation in a process without the GUI (the import's reader process)."""
    if language == "ru" or _installed:
        return
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from editor.core.seed import RESOURCES_DIR

    app = QCoreApplication.instance() or QCoreApplication([])
    translator = QTranslator(app)
    if translator.load(f"editor_{language}", str(RESOURCES_DIR / "translations")):
        app.installTranslator(translator)
        _installed.extend((app, translator))
    QLocale.setDefault(QLocale(QLocale.Language.English))
