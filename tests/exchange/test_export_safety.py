"""Bad output targets and failures mid-write: a clear message, no partial file, nothing else
touched."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from editor.core.search import PageFilter
from editor.db.database import close_catalogue
from editor.exchange.reports.export import ExportError, Scope, export_report
from tests.exchange.export_sample import TODAY, build_export_sample, read_calamine


@pytest.fixture
def sample(tmp_path: Path):
    built = build_export_sample(tmp_path / "catalogue.gpc")
    yield built
    close_catalogue()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_existing_file_is_replaced_only_when_asked(sample, tmp_path):
    out = tmp_path / "report.xlsx"
    out.write_bytes(b"the ministry's own file")
    with pytest.raises(ExportError, match="уже существует") as caught:
        export_report(out, "summary", today=TODAY)
    assert caught.value.reason == "exists"
    assert out.read_bytes() == b"the ministry's own file"
    export_report(out, "summary", today=TODAY, force=True)
    assert "Сводка" in read_calamine(out)


def test_the_open_catalogue_is_never_the_output(sample, tmp_path):
    catalogue = sample.base.path
    before = _digest(catalogue)
    for target in (catalogue, catalogue.parent / "." / catalogue.name):
        with pytest.raises(ExportError, match="открытого каталога"):
            export_report(target, "registry", force=True)
    assert _digest(catalogue) == before
    assert _leftovers(tmp_path) == []


def test_missing_folder(sample, tmp_path):
    with pytest.raises(ExportError, match="не существует"):
        export_report(tmp_path / "no" / "such" / "out.xlsx", "registry")
    assert not (tmp_path / "no").exists()


def test_folder_given_instead_of_file(sample, tmp_path):
    with pytest.raises(ExportError, match="это папка"):
        export_report(tmp_path, "registry", force=True)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="needs a POSIX user whom permissions stop (root ignores them)",
)
def test_unwritable_folder_by_permissions(sample, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="Нет прав на запись"):
            export_report(locked / "out.xlsx", "registry")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_unwritable_folder(sample, tmp_path, monkeypatch):
    # Root ignores permission bits, so the refusal the system would give is injected here.
    real_open = os.open

    def refuse(path, flags, *args):
        if str(path).endswith(".part"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ExportError, match="Нет прав на запись в папку") as caught:
        export_report(tmp_path / "out.xlsx", "registry")
    assert caught.value.reason == "permission"
    assert not (tmp_path / "out.xlsx").exists()


class _FillingDisk:
    """A file object whose disk fills up after `room` bytes."""

    def __init__(self, stream, room: int) -> None:
        self._stream, self._room, self.written = stream, room, 0

    def write(self, data) -> int:
        if self.written + len(data) > self._room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.written += len(data)
        return self._stream.write(data)

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._stream.close()


def test_full_disk_mid_write_leaves_no_partial_file(sample, tmp_path, monkeypatch):
    out = tmp_path / "registry.xlsx"
    out.write_bytes(b"yesterday's report")
    real_fdopen = os.fdopen
    streams: list[_FillingDisk] = []

    def small_disk(*args, **kwargs):
        streams.append(_FillingDisk(real_fdopen(*args, **kwargs), room=3000))
        return streams[-1]

    monkeypatch.setattr(os, "fdopen", small_disk)
    with pytest.raises(ExportError, match="Недостаточно места на диске") as caught:
        export_report(out, "registry", force=True)
    assert caught.value.reason == "disk_full"
    assert streams and streams[0].written > 0  # it failed part-way, not before starting
    assert out.read_bytes() == b"yesterday's report"
    assert _leftovers(tmp_path) == []


def test_empty_scope_writes_nothing(sample, tmp_path):
    empty_region = sample.tyumen + 1  # the next subject after Tyumen holds nothing
    for report in ("registry", "summary", "spheres", "compliance"):
        with pytest.raises(ExportError, match="нет ни организаций, ни страниц") as caught:
            export_report(tmp_path / f"{report}.xlsx", report, Scope.of(empty_region))
        assert caught.value.reason == "empty"
    assert not [p.name for p in tmp_path.iterdir() if not p.name.startswith("catalogue.gpc")]


def test_empty_selection_writes_nothing(sample, tmp_path):
    with pytest.raises(ExportError, match="нет ни организаций"):
        export_report(tmp_path / "x.xlsx", "registry", Scope(PageFilter(page_ids=())))
    assert not (tmp_path / "x.xlsx").exists()


def test_cancel_leaves_no_file(sample, tmp_path):
    out = tmp_path / "registry.xlsx"
    result = export_report(out, "registry", is_cancelled=lambda: True)
    assert result.cancelled
    assert not out.exists()
    assert _leftovers(tmp_path) == []


def test_progress_reaches_the_end(sample, tmp_path):
    seen: list[tuple[int, int]] = []
    result = export_report(
        tmp_path / "r.xlsx",
        "registry",
        progress=lambda done, total, text="": seen.append((done, total)),
    )
    assert seen[-1] == (result.rows, result.rows)
