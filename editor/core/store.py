"""The store: one QObject per open catalogue that announces changes to the item models.

Commands and background jobs call core functions, then tell the store what changed; models
listen and refresh just those rows. Only QtCore is used here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Store(QObject):
    """Change notifications of the open catalogue."""

    # Page ids whose displayed values changed (edited, trashed or restored).
    pagesChanged = Signal(list)  # noqa: N815 - Qt naming
    # Pages were added or removed in some territories: tables and roll-ups must reload.
    pagesAddedOrRemoved = Signal()  # noqa: N815
    # Organisation ids whose values changed (their pages' rows show organisation columns).
    organizationsChanged = Signal(list)  # noqa: N815
    # The territory tree changed shape or names; the argument lists affected territory ids.
    territoriesChanged = Signal(list)  # noqa: N815
    # The sphere dictionary changed.
    spheresChanged = Signal()  # noqa: N815
    # Seminars, participants or attendances changed (the training view and roll-ups reload).
    trainingChanged = Signal()  # noqa: N815
    # Everything may have changed (import applied or undone, catalogue reopened).
    reset = Signal()

    def __init__(self, path: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.read_only = False
