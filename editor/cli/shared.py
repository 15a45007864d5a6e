"""What every command module shares: the one-line error type and opening a catalogue or a scope."""

from __future__ import annotations

from pathlib import Path


class CliError(Exception):
    """A failure reported as one line on stderr with exit status 1."""


def open_catalogue(path: str | Path) -> None:
    """Open (and migrate) the catalogue the command works on."""
    from editor.core.opening import open_catalogue as open_database

    open_database(Path(path))


def territory_id(spec: str | None) -> int | None:
    """The id of the territory named by --territory/--into (code, name, alias or path), or None."""
    from editor.core.territories import TerritoryError, resolve

    if not spec:
        return None
    try:
        return resolve(spec).id
    except TerritoryError as error:
        raise CliError(str(error)) from error
