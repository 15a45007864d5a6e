"""Reports for ministries: the export engine shared by the `export` command and the export dialog.

`export_report(path, report, scope)` writes one of the four reports (registry, summary, spheres,
compliance) to an .xlsx file. The file is written under a temporary name in the same folder and
renamed only when complete, so a failed or cancelled export leaves no half file and never touches
an existing one; an existing file is replaced only with `force=True`.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from editor.core import normalize as nz
from editor.core.i18n import tr
from editor.core.opening import catalogue_path
from editor.core.search import PageFilter
from editor.core.territories import level_label
from editor.db.models import db
from editor.exchange.reports import scope as es
from editor.exchange.spreadsheet.writer import Workbook

REPORTS: tuple[str, ...] = ("registry", "summary", "spheres", "compliance", "training", "dynamics")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate looks for this name
    """Mark a constant for translation; it is translated where it is shown."""
    return text


REPORT_LABELS: dict[str, str] = {
    "registry": QT_TRANSLATE_NOOP("core", "Реестр госпабликов"),
    "summary": QT_TRANSLATE_NOOP("core", "Сводка по территориям"),
    "spheres": QT_TRANSLATE_NOOP("core", "Территории и сферы"),
    "compliance": QT_TRANSLATE_NOOP("core", "Соблюдение требований"),
    "training": QT_TRANSLATE_NOOP("core", "Обучение администраторов"),
    "dynamics": QT_TRANSLATE_NOOP("core", "Динамика подписчиков"),
}


class ExportError(Exception):
    """An export that cannot be done; str() is a one-line Russian message. `reason` is a key
    (exists, same_file, folder, permission, disk_full, busy, empty, write) for callers that
    phrase a hint of their own."""

    def __init__(self, message: str, reason: str = "write") -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Scope:
    """What a report covers: a page filter (territory subtree, spheres, networks, or the
    window's current filter/selection) and, optionally, how to name it in titles."""

    filter: PageFilter = field(default_factory=PageFilter)
    text: str = ""

    @classmethod
    def of(
        cls,
        territory_id: int | None = None,
        spheres: Sequence[int] = (),
        networks: Sequence[str] = (),
    ) -> Scope:
        """A scope by territory subtree, spheres and networks."""
        return cls(
            PageFilter(territory_id=territory_id, spheres=tuple(spheres), networks=tuple(networks))
        )


@dataclass
class ExportResult:
    """What an export produced."""

    path: Path
    report: str
    rows: int = 0  # data rows of the main sheet
    seconds: float = 0.0
    cancelled: bool = False


def describe_scope(scope: Scope, tree: es.Tree) -> str:
    """The scope in words for a report title: «Курганская область; сферы: …; соцсети: …»."""
    if scope.text:
        return scope.text
    page_filter = scope.filter
    parts = []
    if page_filter.territory_id is not None:
        parts.append(tree.name.get(page_filter.territory_id, "?"))
    else:
        parts.append(tr("все территории"))
    if page_filter.spheres:
        labels = es.sphere_names()
        parts.append(
            tr("сферы: {names}").format(
                names=", ".join(labels.get(s, "?") for s in page_filter.spheres)
            )
        )
    if page_filter.networks:
        parts.append(
            tr("соцсети: {names}").format(
                names=", ".join(nz.NETWORK_LABELS.get(n, n) for n in page_filter.networks)
            )
        )
    if page_filter.page_ids is not None:
        parts.append(tr("выбранные страницы: {n}").format(n=len(page_filter.page_ids)))
    elif page_filter.text.strip():
        parts.append(tr("поиск «{text}»").format(text=page_filter.text.strip()))
    return "; ".join(parts)


# --- safety -----------------------------------------------------------------------------------


def check_target(path: str | Path, *, force: bool = False) -> Path:
    """The absolute output path, or ExportError when it must not or cannot be written."""
    target = Path(os.path.abspath(os.fspath(path)))
    catalogue = catalogue_path()
    if catalogue is not None:
        guarded = [Path(os.path.abspath(catalogue))]
        guarded += [Path(f"{guarded[0]}{suffix}") for suffix in ("-wal", "-shm", ".lock")]
        if any(_same_file(target, other) for other in guarded):
            raise ExportError(
                tr("Нельзя записать отчёт в файл открытого каталога {path}").format(path=target),
                "same_file",
            )
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(tr("Папка {path} не существует").format(path=folder), "folder")
    if target.is_dir():
        raise ExportError(tr("{path} — это папка, укажите имя файла").format(path=target), "folder")
    if target.exists() and not force:
        raise ExportError(tr("Файл {path} уже существует").format(path=target), "exists")
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a == b or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _os_error(error: OSError, target: Path) -> ExportError:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return ExportError(
            tr("Недостаточно места на диске для файла {path}").format(path=target), "disk_full"
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(
            tr("Нет прав на запись в папку {path}").format(path=target.parent), "permission"
        )
    reason = error.strerror or str(error)
    return ExportError(
        tr("Не удалось записать файл {path}: {reason}").format(path=target, reason=reason), "write"
    )


# --- the engine -------------------------------------------------------------------------------


def export_report(
    path: str | Path,
    report: str,
    scope: Scope | None = None,
    *,
    stale_days: int = 180,
    since: dt.date | None = None,
    force: bool = False,
    today: dt.date | None = None,
    period: tuple[str | None, str | None] = (None, None),
    progress: Callable[..., None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write `report` for `scope` to `path` (.xlsx); raise ExportError with a Russian message.

    Safe to run in a worker thread (`progress(done, total, text)`, `is_cancelled()`); on cancel
    the result has `cancelled=True` and nothing is written.
    """
    from editor.exchange.reports import aggregates as export_reports
    from editor.exchange.reports import training as training_report
    from editor.exchange.reports.dynamics import write_dynamics

    if report not in REPORTS:
        raise ExportError(
            tr("Неизвестный отчёт «{name}»; доступны: {names}").format(
                name=report, names=", ".join(REPORTS)
            ),
            "usage",
        )
    if stale_days < 0:
        raise ExportError(tr("Число дней должно быть неотрицательным"), "usage")
    scope = scope or Scope()
    target = check_target(path, force=force)
    started = time.monotonic()
    # One read transaction: every query of the report sees the same state of the catalogue.
    with db.atomic():
        tree = es.Tree.load()
        if scope.filter.territory_id is not None and scope.filter.territory_id not in tree.name:
            raise ExportError(
                tr("Территория {id} не найдена").format(id=scope.filter.territory_id), "usage"
            )
        ctx = es.Context(
            filter=scope.filter,
            today=today or dt.date.today(),
            stale_days=stale_days,
            scope_text=describe_scope(scope, tree),
            tree=tree,
            progress=progress or (lambda done, total, text="": None),
            is_cancelled=is_cancelled or (lambda: False),
        )
        if not es.has_records(ctx):
            raise ExportError(
                tr("В выбранном охвате нет ни организаций, ни страниц: отчёт не создан"), "empty"
            )
        # Only the row-by-row reports need the count, for their progress.
        total = sum(es.count_records(ctx)) if report in ("registry", "compliance") else 0
        writer = {
            "registry": write_registry,
            "summary": export_reports.write_summary,
            "spheres": export_reports.write_spheres,
            "compliance": export_reports.write_compliance,
            "training": lambda book, ctx, _total: training_report.write_training(book, ctx, since),
            "dynamics": lambda book, ctx, total: write_dynamics(book, ctx, period),
        }[report]
        title = tr(REPORT_LABELS[report])
        try:
            rows = _write_atomically(
                target, lambda book: writer(_print_footer(book, ctx.today), ctx, total), title
            )
        except es.Cancelled:
            return ExportResult(target, report, cancelled=True, seconds=time.monotonic() - started)
    return ExportResult(target, report, rows, time.monotonic() - started)


def _print_footer(book: Workbook, day: dt.date) -> Workbook:
    """The printed pages' footer: the report's date and page numbers, in the user's language."""
    book.report_date = day
    book.footer_date_label = tr("Дата:")
    book.footer_page_label = tr("Страница &P из &N")
    return book


def _write_atomically(target: Path, fill: Callable[[Workbook], int], title: str) -> int:
    """Write into a temporary file beside `target`, then rename it over `target`."""
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        handle = os.open(
            temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
        )
    except OSError as error:
        raise _os_error(error, target) from error
    try:
        with os.fdopen(handle, "wb", buffering=1024 * 1024) as stream:
            book = Workbook(stream, title=title)
            try:
                rows = fill(book)
                book.close()
            except BaseException:
                book.abort()
                raise
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.replace(temporary, target)
        except PermissionError as error:
            raise ExportError(
                tr(
                    "Файл {path} занят другой программой (открыт в Excel?) или "
                    "недоступен для записи"
                ).format(path=target),
                "busy",
            ) from error
    except OSError as error:
        _remove(temporary)
        raise _os_error(error, target) from error
    except BaseException:
        _remove(temporary)
        raise
    return rows


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


# --- registry ---------------------------------------------------------------------------------

# Where each registry field comes from. A row is assembled from one flat tuple: the page columns,
# the organisation columns, the territory (ОКТМО, name, level) and the derived texts below, so
# that picking the fields is a single `itemgetter` call (the registry can have 300,000 rows).
_PAGE_WIDTH, _ORG_WIDTH = len(es.PAGE_COLUMNS), len(es.ORG_COLUMNS)
_PLACE = _PAGE_WIDTH + _ORG_WIDTH
_DERIVED = _PLACE + 3
_SOURCES: dict[str, int] = {
    "page_id": es.P_ID,
    "url": es.P_URL,
    "network_id": es.P_NETWORK_ID,
    "widgets": es.P_WIDGETS,
    "design": es.P_DESIGN,
    "activity": es.P_ACTIVITY,
    "subscribers": es.P_SUBSCRIBERS,
    "weekly_reach": es.P_WEEKLY,
    "post_reach": es.P_POST,
    "notes": es.P_NOTES,
    "title": es.P_TITLE,
    **{
        name: _PAGE_WIDTH + index
        for name, index in (
            ("organization", es.O_NAME),
            ("short_name", es.O_SHORT),
            ("ogrn", es.O_OGRN),
            ("inn", es.O_INN),
            ("founder", es.O_FOUNDER),
            ("org_type", es.O_TYPE),
            ("exemption", es.O_EXEMPTION),
            ("responsible", es.O_RESPONSIBLE),
            ("responsible_position", es.O_POSITION),
            ("responsible_phone", es.O_PHONE),
            ("responsible_email", es.O_EMAIL),
        )
    },
    "oktmo": _PLACE,
    "territory": _PLACE + 1,
    "level": _PLACE + 2,
    **{
        name: _DERIVED + index
        for index, name in enumerate(
            (
                "network",
                "status",
                "connected",
                "gosmark",
                "count_date",
                "sphere1",
                "sphere2",
                "sphere3",
            )
        )
    },
}
_NO_PAGE = (None,) * _PAGE_WIDTH
_STYLES = {
    "page_id": "id",
    "widgets": "id",
    "subscribers": "int",
    "weekly_reach": "int",
    "post_reach": "int",
    "count_date": "date",
}


# The responsible person's name, phone and e-mail are personal data (152-ФЗ): the editor shows
# them, reports for ministries do not.
PERSONAL_FIELDS: frozenset[str] = frozenset(
    {"responsible", "responsible_phone", "responsible_email"}
)


def registry_fields() -> list[str]:
    """The registry's columns in order: the shared import/export header table (DESIGN §4),
    without personal data."""
    from editor.exchange.columns import COLUMNS

    return [c.field for c in COLUMNS if c.field in _SOURCES and c.field not in PERSONAL_FIELDS]


def registry_row_maker(ctx: es.Context) -> Callable[[tuple | None, tuple], list[object]]:
    """A function turning (page, organisation) into the registry row."""
    pick = itemgetter(*(_SOURCES[name] for name in registry_fields()))
    spheres = es.sphere_names()
    networks, statuses = nz.NETWORK_LABELS, nz.STATUS_LABELS
    yes_no = {None: None, 0: tr("нет"), 1: tr("да")}
    tree = ctx.tree
    places: dict[int, tuple[str, str, str]] = {}
    as_date = es.as_date

    def make(page: tuple | None, org: tuple) -> list[object]:
        tid = org[es.O_TERRITORY]
        place = places.get(tid)
        if place is None:
            place = places[tid] = (tree.oktmo[tid], tree.label(tid), level_label(tree.level[tid]))
        sphere = spheres.get
        if page is None:
            page, derived = _NO_PAGE, (None, None, None, None, None)
        else:
            network, status = page[es.P_NETWORK], page[es.P_STATUS]
            derived = (
                networks.get(network, network),
                statuses.get(status, status),
                yes_no[page[es.P_CONNECTED]],
                yes_no[page[es.P_GOSMARK]],
                as_date(page[es.P_DATE]),
            )
        return list(
            pick(
                page
                + org
                + place
                + derived
                + (sphere(org[es.O_SPHERE1]), sphere(org[es.O_SPHERE2]), sphere(org[es.O_SPHERE3]))
            )
        )

    return make


def write_registry(book: Workbook, ctx: es.Context, total: int) -> int:
    """Every page in scope (and every organisation without one): DESIGN §4 columns, one row each."""
    from editor.exchange.columns import field_label

    fields = registry_fields()
    sheet = book.add_sheet(tr("Реестр"), [_STYLES.get(name) for name in fields], sample_rows=500)
    sheet.header([field_label(name) for name in fields])
    sheet.autofilter()
    make = registry_row_maker(ctx)
    text = tr("Реестр: записано строк {done} из {total}")
    done = 0
    for page, org in es.iter_records(ctx):
        sheet.append(make(page, org))
        done += 1
        if not done % 2000:
            ctx.check()
            ctx.progress(done, total, text.format(done=done, total=total))
    ctx.progress(done, total, text.format(done=done, total=total))
    sheet.close()
    return done
