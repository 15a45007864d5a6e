"""The offline copy of a server catalogue: a catalogue file with the same records, whose
offline changes come back to the server as one import batch naming the file."""

from __future__ import annotations

import datetime as dt
import json

from editor.cli import main
from editor.core import records, territories, training
from editor.core.offline import copy_server_catalogue
from editor.db.database import close_catalogue, open_catalogue
from editor.db.models import ImportBatch, Organization, Page
from editor.exchange.importing.apply import redo_batch, undo_batch
from tests.sample_catalogue import build_sample


def _stats(capsys, catalogue) -> dict:
    assert main(["stats", str(catalogue), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_trip_copy_comes_back_as_one_batch(pg_url, tmp_path, capsys):
    build_sample(pg_url)
    trip = copy_server_catalogue(tmp_path / "trip.gpc")
    server_figures = _stats(capsys, pg_url)
    assert _stats(capsys, trip) == server_figures
    assert main(["check", str(trip)]) == 0
    capsys.readouterr()

    # Offline: one page gets a new title, one organisation with a page is added.
    open_catalogue(trip)
    page = Page.select().order_by(Page.id).first()
    records.update_page(page.id, {"title": "Заголовок из командировки"})
    region = territories.resolve("37000000").id
    added = records.create_organization(region, {"full_name": "Клуб из командировки"})
    records.create_page(added.id, {"url": "https://vk.com/trip_club_1", "subscribers": "40"})
    close_catalogue()

    assert main(["import", pg_url, str(trip), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["new"] == 1 and report["updated"] >= 1 and report["rejected"] == 0
    back = _stats(capsys, pg_url)
    assert back["pages"] == server_figures["pages"] + 1
    assert back["subscribers"] == server_figures["subscribers"] + 40
    open_catalogue(pg_url)
    assert Page.get_by_id(page.id).title == "Заголовок из командировки"
    batch = ImportBatch.get_by_id(report["batch"])
    assert batch.file_names == "trip.gpc"
    close_catalogue()


def _trashed(model, ids) -> set[int]:
    return {
        record.id
        for record in model.select().where(
            model.id.in_(list(ids)) & model.deleted_at.is_null(False)
        )
    }


def test_deletions_made_offline_come_back_and_undo_restores_them(pg_url, tmp_path, capsys):
    sample = build_sample(pg_url)
    school1, school2, school3 = sample.organizations[:3]
    page_pages = Page.select().where(Page.organization == school1).order_by(Page.id)
    lone_page, purged_page, changed_page = [page.id for page in page_pages]
    school2_pages = [p.id for p in Page.select().where(Page.organization == school2)]
    school3_pages = [p.id for p in Page.select().where(Page.organization == school3)]
    trip = copy_server_catalogue(tmp_path / "trip.gpc")
    before = _stats(capsys, pg_url)

    # On the server meanwhile: a colleague edits one page and adds a page to school 3.
    open_catalogue(pg_url)
    records.update_page(changed_page, {"title": "Изменено на сервере"})
    records.create_page(school3, {"url": "https://vk.com/school3_new_on_server"})
    close_catalogue()

    # Offline: three pages deleted (one of them purged from the trash), two schools deleted.
    open_catalogue(trip)
    records.delete_pages([lone_page, purged_page, changed_page])
    Page.delete().where(Page.id == purged_page).execute()
    records.delete_organizations([school2, school3])
    close_catalogue()

    assert main(["import", pg_url, str(trip), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    # School 3 stays for the page added on the server; its pages deleted offline go.
    deleted_pages = 2 + len(school2_pages) + len(school3_pages)
    assert report["trashed"] == {"organizations": 1, "pages": deleted_pages}
    warnings = " ".join(w["message"] for w in report["warnings"])
    assert "изменена на сервере после копирования" in warnings
    assert "есть страницы, не удалённые в копии" in warnings

    open_catalogue(pg_url)
    assert _trashed(Page, [lone_page, purged_page, changed_page]) == {lone_page, purged_page}
    assert _trashed(Page, school2_pages) == set(school2_pages)
    assert _trashed(Organization, [school2, school3]) == {school2}
    assert _trashed(Page, school3_pages) == set(school3_pages)
    assert Page.get(Page.url == "https://vk.com/school3_new_on_server").deleted_at is None
    close_catalogue()
    after = _stats(capsys, pg_url)
    assert after["pages"] == before["pages"] + 1 - deleted_pages

    # Undo of the import brings them all back; its redo trashes them again.
    open_catalogue(pg_url)
    snapshot = undo_batch(report["batch"])
    assert not _trashed(Page, [lone_page, purged_page, *school2_pages, *school3_pages])
    assert not _trashed(Organization, [school2])
    redo_batch(report["batch"], snapshot)
    assert _trashed(Page, [lone_page, purged_page]) == {lone_page, purged_page}
    assert _trashed(Organization, [school2]) == {school2}
    close_catalogue()
    assert main(["check", pg_url]) == 0


def test_a_dry_run_reports_offline_deletions_and_changes_nothing(pg_url, tmp_path, capsys):
    sample = build_sample(pg_url)
    trip = copy_server_catalogue(tmp_path / "trip.gpc")
    open_catalogue(trip)
    records.delete_pages(sample.pages[:2])
    close_catalogue()
    before = _stats(capsys, pg_url)
    assert main(["import", pg_url, str(trip), "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["trashed"]["pages"] == 2
    assert _stats(capsys, pg_url) == before


def test_a_copy_deletes_nothing_in_another_catalogue(pg_server, tmp_path, capsys):
    first = pg_server.url(pg_server.new_database())
    other = pg_server.url(pg_server.new_database())
    sample = build_sample(first)
    close_catalogue()
    build_sample(other)
    close_catalogue()
    open_catalogue(first)
    trip = copy_server_catalogue(tmp_path / "trip.gpc")
    close_catalogue()
    open_catalogue(trip)
    records.delete_pages(sample.pages[:3])
    close_catalogue()
    before = _stats(capsys, other)
    assert main(["import", other, str(trip), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["trashed"] == {"organizations": 0, "pages": 0}
    assert _stats(capsys, other)["pages"] == before["pages"]


def test_the_command_line_makes_the_copy(pg_url, tmp_path, capsys):
    build_sample(pg_url)
    open_catalogue(pg_url)
    seminar = training.create_seminar(
        {"title": "Ведение госпабликов", "date": dt.date(2026, 3, 4), "format": "online"}
    )
    close_catalogue()
    figures = _stats(capsys, pg_url)
    trip = tmp_path / "командировка.gpc"
    assert main(["import", str(trip), pg_url, "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["pages"] == figures["pages"] and made["copy"] == str(trip)
    assert _stats(capsys, trip) == figures
    open_catalogue(trip)
    assert [row.title for row in training.seminar_rows()] == [seminar.title]
    close_catalogue()

    # A second copy never replaces a file; a copy takes no import options.
    assert main(["import", str(trip), pg_url]) == 1
    assert "уже существует" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "b.gpc"), pg_url, "--into", "37000000"]) == 1
    assert "--into" in capsys.readouterr().err
    assert not (tmp_path / "b.gpc").exists()


def test_only_what_changed_offline_comes_back_and_the_server_wins_a_clash(pg_url, tmp_path, capsys):
    sample = build_sample(pg_url)
    both, clash, untouched, trashed = sample.pages[:4]
    trip = copy_server_catalogue(tmp_path / "trip.gpc")

    open_catalogue(pg_url)  # others, on the server, after the copy
    records.update_page(both, {"title": "Заголовок с сервера"})
    records.update_page(clash, {"title": "Сервер"})
    records.update_page(untouched, {"title": "Новее на сервере"})
    records.delete_pages([trashed])
    close_catalogue()

    open_catalogue(trip)  # offline
    records.update_page(both, {"notes": "Заметка из командировки"})
    records.update_page(clash, {"title": "Копия"})
    records.update_page(trashed, {"notes": "Правка удалённой"})
    records.set_count(both, dt.date(2026, 11, 30), 777)
    close_catalogue()

    assert main(["import", pg_url, str(trip), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    # The pages changed offline that the server did not trash meanwhile, nothing else.
    assert report["rows"] == 2
    warnings = " ".join(w["message"] for w in report["warnings"])
    assert "оставлено значение сервера (в копии: «Копия»)" in warnings
    assert f"страница (id {trashed}) изменена в копии, но удалена на сервере" in warnings

    open_catalogue(pg_url)
    page = Page.get_by_id(both)
    assert (page.title, page.notes) == ("Заголовок с сервера", "Заметка из командировки")
    assert page.subscribers == 777
    assert Page.get_by_id(clash).title == "Сервер"
    assert Page.get_by_id(untouched).title == "Новее на сервере"
    assert Page.get_by_id(trashed).deleted_at is not None
    assert Page.select().where(Page.notes == "Правка удалённой").count() == 0
    close_catalogue()


def test_a_copy_imported_into_a_file_is_an_ordinary_catalogue(pg_url, tmp_path, capsys):
    build_sample(pg_url)
    trip = copy_server_catalogue(tmp_path / "trip.gpc")
    close_catalogue()
    target = tmp_path / "other.gpc"
    build_sample(target)
    close_catalogue()
    assert main(["import", str(target), str(trip), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    # Every record of the copy is read (not only what changed in it), and matches.
    assert report["rows"] == report["unchanged"] == 31
    assert report["trashed"] == {"organizations": 0, "pages": 0}
