"""The real Amur registry (2024) written out as the region's .xlsx imports without losing a row."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from editor.cli import main
from editor.core import spheres
from editor.core.integrity import check_catalogue
from editor.core.rollup import stats
from editor.core.territories import resolve
from editor.core.urls import PlaceholderLink, canonical_url
from tests.amur_registry import write_amur_registry


def _write_registry(records: list[dict], path: Path) -> Path:
    return write_amur_registry(
        records,
        path,
        "Реестр официальных страниц органов власти и подведомственных организаций Амурской области",
    )


def _expected(records: list[dict]) -> tuple[int, int, Counter]:
    """Organisations, pages and pages per sphere as the file itself counts them."""
    organizations = {str(r["the_main_state_registration_number"]) for r in records}
    first_sphere: dict[str, str] = {}
    for record in records:
        url = record["url"]
        if url in (None, "", "0"):
            continue
        try:
            key = canonical_url(str(url)).url
        except PlaceholderLink:  # «https://vk.com/public»: a template with no page in it
            continue
        first_sphere.setdefault(key, record["sphere_1"])
    names = {sphere.id: sphere.name for sphere in spheres.all_spheres()}
    by_sphere = Counter(names[spheres.find(name)] for name in first_sphere.values())
    return len(organizations), len(first_sphere), by_sphere


def _import(catalogue: Path, path: Path, capsys) -> dict:
    assert main(["import", str(catalogue), str(path), "--into", "10000000", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_amur_registry_imports_every_row(catalogue, data_dir, tmp_path, capsys):
    with (data_dir / "amur_registry_2024.json").open(encoding="utf-8") as handle:
        records = json.load(handle)
    path = _write_registry(records, tmp_path / "Реестр госпабликов Амурской области.xlsx")
    result = _import(catalogue, path, capsys)
    assert result["rows"] == len(records)
    assert result["rows"] == (
        result["new"] + result["updated"] + result["unchanged"] + result["rejected"]
    )
    assert result["rejected"] == 0
    organizations, pages, by_sphere = _expected(records)
    amur = stats(resolve("10000000").id)
    assert (amur.organizations, amur.pages) == (organizations, pages)
    assert amur.by_sphere == dict(by_sphere)
    assert check_catalogue().ok

    again = _import(catalogue, path, capsys)
    assert (again["rows"], again["unchanged"], again["new"], again["updated"]) == (
        len(records),
        len(records),
        0,
        0,
    )
    assert stats(resolve("10000000").id).pages == pages
