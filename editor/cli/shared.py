"""What every command module shares: the one-line error type and opening a catalogue or a scope."""

from __future__ import annotations

from pathlib import Path

from editor.core.i18n import tr


class CliError(Exception):
    """A failure reported as one line on stderr with exit status 1."""


def catalogue_arg(text: str | Path) -> str | Path:
    """A CATALOGUE argument: a postgresql:// URL as it is, anything else a file path."""
    from editor.core.server import is_server

    return text if is_server(text) else Path(text)


def shown(text: str | Path) -> str:
    """A CATALOGUE argument as printed: a server URL without its password."""
    from editor.core.server import is_server, mask

    return mask(text) if is_server(text) else str(text)


def open_catalogue(path: str | Path) -> None:
    """Open (and migrate) the catalogue the command works on."""
    from editor.core.opening import open_catalogue as open_database

    open_database(catalogue_arg(path))


def territory(spec: str | None):
    """The territory named by --territory/--into (code, name, alias or path), or None."""
    from editor.core.territories import TerritoryError, resolve

    if not spec:
        return None
    try:
        return resolve(spec)
    except TerritoryError as error:
        raise CliError(str(error)) from error


def territory_id(spec: str | None) -> int | None:
    """The id of the territory named by --territory/--into, or None."""
    found = territory(spec)
    return None if found is None else found.id


def sphere_ids(names: list[str]) -> list[int]:
    """The ids of the spheres named by --sphere (CliError for an unknown one)."""
    from editor.core.spheres import find

    ids = []
    for name in names:
        sphere = find(name)
        if sphere is None and "/" in name:  # «Образование / Школы», as the reports label it
            sphere = find(name.rsplit("/", 1)[1])
        if sphere is None:
            raise CliError(tr("Сфера «{name}» не найдена").format(name=name))
        ids.append(sphere)
    return ids
