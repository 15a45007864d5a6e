"""Typed application settings over QSettings: each setting declared once with its type and default."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "gospabliki"
APPLICATION = "catalogue-editor"
RECENT_LIMIT = 10


class _Setting(Generic[T]):
    """A descriptor reading and writing one QSettings key with a type and a default."""

    def __init__(self, key: str, kind: type, default: T) -> None:
        self.key, self.kind, self.default = key, kind, default

    def __get__(self, owner: Settings | None, _type: type | None = None) -> T:
        if owner is None:
            return self  # type: ignore[return-value]
        raw = owner.qsettings.value(self.key, None)
        if raw is None:
            return self.default
        try:
            return self._convert(raw)
        except (TypeError, ValueError):
            return self.default

    def __set__(self, owner: Settings, value: T) -> None:
        if self.kind is list or self.kind is dict:
            owner.qsettings.setValue(self.key, json.dumps(value, ensure_ascii=False))
        else:
            owner.qsettings.setValue(self.key, value)

    def _convert(self, raw: Any) -> T:
        if self.kind is bool:
            return raw.lower() in ("true", "1") if isinstance(raw, str) else bool(raw)  # type: ignore[return-value]
        if self.kind is int:
            return int(raw)  # type: ignore[return-value]
        if self.kind in (list, dict):
            value = json.loads(raw) if isinstance(raw, str) else raw
            if not isinstance(value, self.kind):
                raise ValueError(raw)
            return value  # type: ignore[return-value]
        if self.kind is QByteArray:
            return raw if isinstance(raw, QByteArray) else QByteArray(raw)  # type: ignore[return-value]
        return self.kind(raw)  # type: ignore[return-value]


class Settings:
    """The editor's settings; tests pass a QSettings on a temporary ini file."""

    language = _Setting("ui/language", str, "ru")
    last_catalogue = _Setting("files/last_catalogue", str, "")
    recent_catalogues = _Setting("files/recent", list, [])
    geometry = _Setting("window/geometry", QByteArray, QByteArray())
    window_state = _Setting("window/state", QByteArray, QByteArray())
    splitter_state = _Setting("window/splitter", QByteArray, QByteArray())
    table_header = _Setting("window/table_header", QByteArray, QByteArray())
    tree_header = _Setting("window/tree_header", QByteArray, QByteArray())
    descendants = _Setting("view/descendants", bool, True)
    table_sort = _Setting("view/table_sort", str, "id:asc")
    saved_filters = _Setting("view/saved_filters", dict, {})
    backup_keep = _Setting("files/backup_keep", int, 10)
    auto_backup = _Setting("files/auto_backup", bool, True)
    backup_minutes = _Setting("files/backup_minutes", int, 30)
    # Catalogue path → ОКТМО of its home region (the tree opens there, import defaults to it).
    home_regions = _Setting("files/home_regions", dict, {})

    def home_region(self, catalogue: str | Path | None) -> str:
        """The ОКТМО code of the home region chosen for a catalogue ("" when none)."""
        return self.home_regions.get(_catalogue_key(catalogue), "") if catalogue else ""

    def set_home_region(self, catalogue: str | Path | None, code: str) -> None:
        """Remember the home region of a catalogue (a file, or a server URL)."""
        if not catalogue:
            return
        regions = dict(self.home_regions)
        regions[_catalogue_key(catalogue)] = code
        self.home_regions = regions

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings or QSettings(ORGANIZATION, APPLICATION)

    @classmethod
    def at(cls, path: str | Path) -> Settings:
        """Settings kept in an ini file (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def add_recent(self, path: str | Path) -> None:
        """Put a catalogue first in the recent list and remember it as the last one (a server
        catalogue without its password)."""
        text = _setting_text(path)
        recent = [p for p in self.recent_catalogues if p != text]
        self.recent_catalogues = [text, *recent][:RECENT_LIMIT]
        self.last_catalogue = text

    def forget_recent(self, path: str | Path) -> None:
        """Drop a catalogue that no longer opens from the recent list."""
        text = _setting_text(path)
        self.recent_catalogues = [p for p in self.recent_catalogues if p != text]
        if self.last_catalogue == text:
            self.last_catalogue = ""

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.qsettings.sync()


def _setting_text(path: str | Path) -> str:
    """How a catalogue is written in the settings: an absolute file path, or a server URL
    without its password."""
    from editor.core.server import is_server, strip_password

    return strip_password(str(path)) if is_server(path) else str(Path(path).resolve())


def _catalogue_key(catalogue: str | Path) -> str:
    """A catalogue's key in the settings: a file's full path, a server URL without password."""
    from editor.core.server import is_server, strip_password

    if is_server(catalogue):
        return strip_password(str(catalogue))
    return str(Path(catalogue).resolve())
