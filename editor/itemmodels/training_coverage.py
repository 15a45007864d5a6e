"""How many organisations with pages have somebody trained, per territory and rolled up: the
territory tree's tooltip. Counted in the background on the first ask, forgotten on any change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.core.training_figures import coverage_rollup
from editor.tasks.runner import Task, start


def _count(*, progress=None, is_cancelled=None) -> dict[int, tuple[int, int]]:
    return coverage_rollup()


class TrainingCoverage:
    """(trained, with pages) per territory id, kept until the catalogue changes."""

    def __init__(self, *, background: bool) -> None:
        self.background = background
        self._counts: dict[int, tuple[int, int]] | None = None
        self._generation = 0
        self._task: tuple[int, Task] | None = None

    def forget(self, *_args: object) -> None:
        """Drop the counts: the next ask counts again."""
        self._counts = None
        self._generation += 1

    def get(self, territory_id: int) -> tuple[int, int] | None:
        """The counts of a node; None while they are being counted."""
        if self._counts is None:
            self._count()
        return None if self._counts is None else self._counts.get(territory_id, (0, 0))

    def _count(self) -> None:
        generation = self._generation
        if self._task is not None and self._task[0] == generation:
            return  # already counting
        task = Task(_count)
        if not self.background:
            start(task, synchronous=True)
            self._counts = task.result if task.error is None else {}
            return
        self._task = (generation, task)

        def done(result: dict, g: int = generation) -> None:
            self._task = None
            if g == self._generation:
                self._counts = result

        task.signals.finished.connect(done)
        task.signals.failed.connect(lambda _m: setattr(self, "_task", None))
        start(task)

    def text(self, territory_id: int) -> str:
        """The tooltip line of a node."""
        counted = self.get(territory_id)
        if counted is None:
            return QCoreApplication.translate("TerritoryTreeModel", "Обучение: подсчёт…")
        trained, total = counted
        share = f" ({round(100 * trained / total)} %)" if total else ""
        return QCoreApplication.translate(
            "TerritoryTreeModel", "Обучены: {trained} из {total} организаций со страницами{share}"
        ).format(trained=trained, total=total, share=share)
