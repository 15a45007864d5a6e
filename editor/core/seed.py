"""Built-in dictionaries a new catalogue starts with: territories down to subjects, and spheres.

The data lives in ``resources/territories.json`` and ``resources/spheres.json`` beside the
source tree; this module only reads and shape-checks it, so callers get plain dicts and lists.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from editor.core.resources import resources_dir

RESOURCES_DIR = resources_dir()
"""The ``resources/`` folder of the source tree or of the desktop bundle."""

TERRITORIES_FILE = "territories.json"
SPHERES_FILE = "spheres.json"


class SeedError(ValueError):
    """A built-in dictionary file is missing or malformed."""


def _read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except OSError as exc:
        raise SeedError(f"Не удалось прочитать справочник {path}: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise SeedError(f"Справочник {path} повреждён: строка {exc.lineno}: {exc.msg}") from exc


def _require(condition: bool, path: Path, what: str) -> None:
    if not condition:
        raise SeedError(f"Справочник {path} повреждён: {what}")


def load_territory_seed(path: Path | None = None) -> dict:
    """Return the country → federal districts → subjects dictionary.

    Shape: ``{"country": {name, kind, aliases}, "federal_districts": [{name, short, aliases,
    subjects: [{name, kind, oktmo, aliases}]}]}``; districts in decree order, subjects by ОКТМО.
    """
    path = path or RESOURCES_DIR / TERRITORIES_FILE
    data = _read_json(path)
    _require(isinstance(data, dict), path, "ожидался объект JSON")
    _require(isinstance(data.get("country"), dict), path, "нет раздела «country»")
    districts = data.get("federal_districts")
    _require(isinstance(districts, list), path, "нет списка «federal_districts»")
    for district in districts:
        _require(isinstance(district, dict) and "name" in district, path, "округ без названия")
        district.setdefault("aliases", [])
        subjects = district.setdefault("subjects", [])
        for subject in subjects:
            _require(
                isinstance(subject, dict) and {"name", "kind", "oktmo"} <= subject.keys(),
                path,
                f"у субъекта в «{district['name']}» нет названия, вида или кода ОКТМО",
            )
            subject.setdefault("aliases", [])
    return data


def load_sphere_seed(path: Path | None = None) -> list:
    """Return the two-level sphere dictionary: ``[{name, aliases, children: [{name, aliases}]}]``."""
    path = path or RESOURCES_DIR / SPHERES_FILE
    data = _read_json(path)
    _require(isinstance(data, list), path, "ожидался список сфер")
    for sphere in data:
        _require(isinstance(sphere, dict) and "name" in sphere, path, "сфера без названия")
        sphere.setdefault("aliases", [])
        for child in sphere.setdefault("children", []):
            _require(
                isinstance(child, dict) and "name" in child,
                path,
                f"подсфера без названия в «{sphere['name']}»",
            )
            child.setdefault("aliases", [])
    return data


def iter_subjects(seed: dict) -> Iterator[tuple[dict, dict]]:
    """Yield ``(federal_district, subject)`` pairs of a territory seed in file order."""
    for district in seed["federal_districts"]:
        for subject in district["subjects"]:
            yield district, subject


def iter_spheres(seed: list) -> Iterator[tuple[dict | None, dict]]:
    """Yield ``(parent, sphere)`` for every sphere of a sphere seed; top-level ones have no parent."""
    for sphere in seed:
        yield None, sphere
        for child in sphere["children"]:
            yield sphere, child
