"""The editor's translations and Qt's own, switched at start-up and from the language menu."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from editor.core.seed import RESOURCES_DIR

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"

_translators: list[QTranslator] = []

# Strings Qt's own dialogs ask for that the shipped qtbase_ru.qm lacks or knows under an older
# source text (Qt 6 added accelerators: «&Look in:» was «Look in:», «Files of &type:»).
_QT_MISSING_RU = {("QAbstractFileIconProvider", "Folder"): "Папка"}


class _QtFallback(QTranslator):
    """Asked last: finds Qt's own strings under their older source text in `base`."""

    def __init__(self, base: QTranslator, language: str, parent=None) -> None:
        super().__init__(parent)
        self.base = base
        self.missing = _QT_MISSING_RU if language == "ru" else {}

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 - Qt override
        # None is Qt's null string: "not translated here" (an empty string would be a translation).
        if not context or not context.startswith(
            ("QFileDialog", "QAbstractFileIconProvider", "QFileSystem")
        ):
            return None
        plain = source.replace("&", "")
        for text, comment in ((plain, disambiguation), (source, None), (plain, None)):
            found = self.base.translate(context, text, comment, n)
            if found:
                return found
        return self.missing.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802, D102 - Qt override
        return False


def install_translators(app: QApplication, language: str) -> None:
    """Load our .qm and Qt's own for `language` (Russian sources need only Qt's qtbase_ru)."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.English if language == "en" else QLocale.Language.Russian)
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", qt_dir):
        _translators.append(_QtFallback(qt, language, app))  # installed first: asked last
        _translators.append(qt)
    if language != "ru":
        ours = QTranslator(app)
        if ours.load(f"editor_{language}", str(TRANSLATIONS_DIR)):
            _translators.append(ours)
    for translator in _translators:
        app.installTranslator(translator)
