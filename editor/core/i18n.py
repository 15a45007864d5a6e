"""Translation of messages produced below the UI (core, exchange, command line).

Source strings are Russian (the default language); the English translation lives in
resources/translations and is installed by the application. Only QtCore is used.
"""

from __future__ import annotations

CONTEXT = "core"
# QCoreApplication.translate once the first message is translated: QtCore takes ~0.15 s to
# import, which the import's reader process (that translates only its rare errors) is spared.
_translate: list = []


def tr(text: str, context: str = CONTEXT) -> str:
    """Return `text` in the current language (unchanged when no translator is installed)."""
    if not _translate:
        from PySide6.QtCore import QCoreApplication

        _translate.append(QCoreApplication.translate)
    return _translate[0](context, text)


def current_language() -> str:
    """ "en" when the English translation is installed, else "ru" (the source language)."""
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
