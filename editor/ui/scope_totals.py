"""The status bar's «из M»: how many pages a scope holds, remembered until the catalogue changes.

Typing into the quick filter changes the shown pages but not the selected node's total, so the
total is counted once per node rather than once per keystroke (a count over the whole catalogue
would otherwise run beside every keystroke's repaint). Any change the store announces forgets
every total; a count started before such a change is not remembered.
"""

from __future__ import annotations

from editor.core.search import PageFilter
from editor.core.store import Store


class ScopeTotals:
    """Page totals by scope (a PageFilter of territory and descendants only)."""

    def __init__(self, store: Store) -> None:
        self._known: dict[PageFilter, int] = {}
        self.generation = 0  # moves on every change: counts started earlier are stale
        for signal in (
            store.pagesChanged,
            store.pagesAddedOrRemoved,
            store.organizationsChanged,
            store.territoriesChanged,
            store.reset,
        ):
            signal.connect(self.forget)

    def get(self, scope: PageFilter) -> int | None:
        """The remembered total of `scope`, or None."""
        return self._known.get(scope)

    def remember(self, scope: PageFilter, total: int, generation: int) -> None:
        """Keep a total counted from the catalogue as it was at `generation`."""
        if generation == self.generation:
            self._known[scope] = total

    def forget(self, *_args: object) -> None:
        """The catalogue changed: every total must be counted again."""
        self._known.clear()
        self.generation += 1
