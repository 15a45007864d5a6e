"""Other editors' changes of a server catalogue appear in the open window within seconds.

A listener connection hears the server's change notifications (editor.db.server_extras.CHANNEL); when
another process wrote, the table and the territory tree with its roll-ups reload. The form keeps
what the user is typing: a save over someone else's change is caught by the record versions.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from editor.core.server import ChangeListener
from editor.core.store import Store

# Notifications of one burst (an import commits several tables) are answered with one refresh.
SETTLE_MS = 300


class ServerWatch(QObject):
    """Refreshes the models of `store` when the listener hears another writer."""

    def __init__(self, store: Store, listener: ChangeListener, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._refresh)

    def _readable(self) -> None:
        if self.listener.poll():
            self._settle.start()

    def _refresh(self) -> None:
        self.store.pagesAddedOrRemoved.emit()

    def stop(self) -> None:
        self._notifier.setEnabled(False)
        self._settle.stop()
        self.listener.close()
