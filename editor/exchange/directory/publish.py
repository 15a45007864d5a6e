"""Writing the public directory: ``directory.json``, ``directory.csv`` and ``index.html``.

The three files are written into a fresh folder beside DIR and renamed into place only when
complete, so a failure or a cancel never leaves a half-written site nor touches the previous
one. An existing DIR is replaced only with ``force`` and only when it holds nothing but a
previous directory (a mistyped ``--out .`` must not wipe a working folder).
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import os
import secrets
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from editor.core import normalize as nz
from editor.core.i18n import tr
from editor.core.seed import RESOURCES_DIR
from editor.exchange.directory.collect import Directory, collect
from editor.exchange.reports.scope import Cancelled

FILES = ("directory.json", "directory.csv", "index.html")
TEMPLATE = RESOURCES_DIR / "directory" / "index.html"
_PLACEHOLDER = "/*DIRECTORY*/"
CSV_HEADERS = (
    "Организация",
    "Краткое наименование",
    "Территория",
    "Код ОКТМО",
    "Сферы",
    "Соцсеть",
    "Ссылка",
    "Название страницы",
)
# Excel runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class PublishError(Exception):
    """A directory that cannot be published; str() is one line in Russian. `reason` is a key
    (exists, not_directory, folder, foreign, permission, disk_full, empty, write)."""

    def __init__(self, message: str, reason: str = "write") -> None:
        super().__init__(message)
        self.reason = reason


@dataclass
class PublishResult:
    """What `publish` wrote."""

    folder: Path
    pages: int = 0
    organizations: int = 0
    json_bytes: int = 0
    seconds: float = 0.0
    cancelled: bool = False


def check_folder(path: str | Path, *, force: bool = False) -> Path:
    """The absolute DIR, or PublishError when it must not or cannot be written."""
    target = Path(os.path.abspath(os.fspath(path)))
    parent = target.parent
    if not parent.exists():
        raise PublishError(tr("Папка {path} не существует").format(path=parent), "folder")
    if not parent.is_dir():
        raise PublishError(
            tr("Нельзя создать папку {path}: {parent} — файл, а не папка").format(
                path=target, parent=parent
            ),
            "folder",
        )
    if target.exists() or target.is_symlink():
        if not target.is_dir() or target.is_symlink():
            raise PublishError(
                tr("{path} — файл, а не папка; укажите папку для справочника").format(path=target),
                "not_directory",
            )
        content = {entry.name for entry in os.scandir(target)}
        if content:
            if not force:
                raise PublishError(tr("Папка {path} уже существует").format(path=target), "exists")
            if content - set(FILES):
                raise PublishError(
                    tr(
                        "В папке {path} есть другие файлы, кроме справочника: она не будет "
                        "заменена; укажите новую или пустую папку"
                    ).format(path=target),
                    "foreign",
                )
    return target


def _os_error(error: OSError, target: Path) -> PublishError:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return PublishError(
            tr("Недостаточно места на диске для справочника {path}").format(path=target),
            "disk_full",
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return PublishError(
            tr("Нет прав на запись в папку {path}").format(path=target.parent), "permission"
        )
    return PublishError(
        tr("Не удалось записать справочник {path}: {reason}").format(
            path=target, reason=error.strerror or str(error)
        ),
        "write",
    )


def publish(
    out: str | Path,
    territory_id: int | None = None,
    sphere_ids: Sequence[int] = (),
    *,
    scope_text: str = "",
    force: bool = False,
    today: dt.date | None = None,
    progress: Callable[..., None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> PublishResult:
    """Publish the live pages of a territory subtree and spheres to folder `out`.

    Safe in a worker thread; on cancel the result has ``cancelled=True`` and nothing changed.
    """
    started = time.monotonic()
    target = check_folder(out, force=force)
    cancelled = is_cancelled or (lambda: False)
    report = progress or (lambda done, total, text="": None)
    try:
        directory = collect(
            territory_id,
            sphere_ids,
            scope_text=scope_text,
            today=today,
            progress=progress,
            is_cancelled=is_cancelled,
        )
    except Cancelled:
        return PublishResult(target, cancelled=True, seconds=time.monotonic() - started)
    if not directory.pages:
        raise PublishError(
            tr("В выбранном охвате нет ни одной страницы: справочник не создан"), "empty"
        )
    if cancelled():
        return PublishResult(target, cancelled=True, seconds=time.monotonic() - started)
    report(0, 3, tr("Запись справочника"))
    staging = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        os.mkdir(staging)
    except OSError as error:
        raise _os_error(error, target) from error
    try:
        payload = directory.json_text().encode("utf-8")
        _write(staging / "directory.json", payload)
        report(1, 3, tr("Запись справочника"))
        _write(staging / "directory.csv", csv_bytes(directory))
        report(2, 3, tr("Запись справочника"))
        _write(staging / "index.html", *html_parts(payload))
        if cancelled():
            shutil.rmtree(staging, ignore_errors=True)
            return PublishResult(target, cancelled=True, seconds=time.monotonic() - started)
        _swap(staging, target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise _os_error(error, target) from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    report(3, 3, tr("Запись справочника"))
    return PublishResult(
        target,
        len(directory.pages),
        len(directory.organizations),
        len(payload),
        time.monotonic() - started,
    )


def _write(path: Path, *parts: bytes) -> None:
    with open(path, "xb") as stream:
        for data in parts:
            stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _swap(staging: Path, target: Path) -> None:
    """Put the complete folder in place; an old one is moved aside first and removed after."""
    if not target.exists():
        os.rename(staging, target)
        return
    old = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
    os.rename(target, old)
    try:
        os.rename(staging, target)
    except OSError:
        os.rename(old, target)  # the previous site stays as it was
        raise
    shutil.rmtree(old, ignore_errors=True)


def html_parts(payload: bytes) -> tuple[bytes, bytes, bytes]:
    """index.html in three parts around the embedded directory.json (UTF-8). «<» is escaped
    so that no name can close the script; done on bytes, as the file is tens of megabytes."""
    head, tail = TEMPLATE.read_text(encoding="utf-8").split(_PLACEHOLDER, 1)
    safe = (
        payload.replace(b"<", b"\\u003c")
        .replace("\u2028".encode(), b"\\u2028")
        .replace("\u2029".encode(), b"\\u2029")
    )
    return head.encode("utf-8"), safe, tail.encode("utf-8")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_bytes(directory: Directory) -> bytes:
    """directory.csv: UTF-8 with BOM, «;»-separated (what Excel opens in a Russian locale)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    places, spheres = directory.places, directory.spheres
    labels = {network: nz.NETWORK_LABELS.get(network, network) for network in nz.NETWORKS}
    heads: list[tuple[str, ...] | None] = [None] * len(directory.organizations)
    rows = []
    for page in directory.pages:
        head = heads[page.organization]
        if head is None:  # an organisation's cells, once for all its pages
            body = directory.organizations[page.organization]
            place = places[body.territory]
            head = heads[page.organization] = (
                _cell(body.name),
                _cell(body.short_name),
                _cell(place.path),
                place.oktmo,
                _cell("; ".join(spheres[s][0] for s in body.spheres)),
            )
        rows.append(
            (
                *head,
                labels.get(page.network, page.network),
                _cell(page.url),
                _cell(page.title),
            )
        )
    writer.writerows(rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
