"""What the import wizard's pages share with the wizard: its page ids and the session state.

The pages see the wizard only through `ImportSession`, so they need not import the wizard that
holds them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from editor.exchange.importing.report import ImportReport

FILES_PAGE, MAPPING_PAGE, TERRITORY_PAGE, REVIEW_PAGE, RESULT_PAGE = range(5)


class ImportSession(Protocol):
    """The state of one import in the wizard: files, choices and the latest dry run."""

    main_window: Any
    files: list[Path]
    target_id: int | None
    overrides: dict[str, str]
    assignments: dict[str, int | None]
    report: ImportReport | None

    def busy(self) -> bool: ...

    def run(self, *, dry_run: bool, done: Callable[[ImportReport], None]) -> None: ...

    def advance_later(self) -> None: ...
