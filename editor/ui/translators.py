"""The editor's translations and Qt's own, switched at start-up and from the language menu."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from editor.core.seed import RESOURCES_DIR

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"

_translators: list[QTranslator] = []


def install_translators(app: QApplication, language: str) -> None:
    """Load our .qm and Qt's own for `language` (Russian sources need only Qt's qtbase_ru)."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.English if language == "en" else QLocale.Language.Russian)
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt 6 asks its file dialog for «&Look in:», which the shipped qtbase_ru.qm knows as
    # «Look in:»: our qtbase_extra fills such gaps.
    extra = QTranslator(app)
    if extra.load(f"qtbase_extra_{language}", str(TRANSLATIONS_DIR)):
        _translators.append(extra)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", qt_dir):
        _translators.append(qt)
    if language != "ru":
        ours = QTranslator(app)
        if ours.load(f"editor_{language}", str(TRANSLATIONS_DIR)):
            _translators.append(ours)
    for translator in _translators:
        app.installTranslator(translator)
