"""`lookup` through the word index: the same answers as the page's engine, and an index that
follows edits, undo and redo, the trash, renamed territories, and gives way to a scan when it
cannot be brought up to date."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtGui import QUndoStack

from editor.cli import main
from editor.commands.base import push
from editor.commands.page_edit import EditOrganizationFields
from editor.commands.records import DeletePages
from editor.core import records
from editor.core.opening import close_catalogue, open_catalogue
from editor.core.store import Store
from editor.db.models import Organization, Territory, db
from editor.exchange.directory import lookup as engine
from editor.exchange.directory import word_index
from editor.exchange.directory.collect import collect
from editor.exchange.directory.search import search
from tests.directory.sample import ADMIN


@pytest.fixture
def scans(monkeypatch) -> list[list[str]]:
    """The queries answered by scanning the pages rather than from the index."""
    seen: list[list[str]] = []
    scan = engine._candidates

    def counted(places, scope, query):
        seen.append(query)
        return scan(places, scope, query)

    monkeypatch.setattr(engine, "_candidates", counted)
    return seen


def _names(query: str, limit: int = 1, territory: int | None = None) -> list[str]:
    return [found.organization for found in engine.lookup(query, territory, limit)]


def test_the_index_answers_as_the_page_does(catalogue, scans):
    open_catalogue(catalogue)
    directory = collect()
    entries = directory.entries()
    answered = 0
    for query in ("адм кетов", "школа", "кетовский", "культ", "1", "администрация", "курган"):
        for limit in (1, 2, 3, 8):
            before = len(scans)
            expected = [
                (
                    directory.organizations[directory.pages[i].organization].name,
                    directory.pages[i].url,
                )
                for i in search(entries, query, limit=limit)
            ]
            found = [(f.organization, f.url) for f in engine.lookup(query, limit=limit)]
            assert found == expected, (query, limit)
            answered += len(scans) == before
    assert answered >= 10  # most answers came from the index, without a scan
    assert engine.lookup("адм кетов", limit=1)[0].organization == ADMIN
    assert scans[-1:] != [["адм", "кетов"]]


def test_the_index_follows_edits_undo_redo_and_the_trash(catalogue, scans, qapp):
    open_catalogue(catalogue)
    store, stack = Store(str(catalogue)), QUndoStack()
    assert _names("адм кетов") == [ADMIN]
    admin = Organization.get(Organization.full_name == ADMIN)
    pages = [page.id for page in admin.pages]

    rename = EditOrganizationFields(store, admin.id, {"full_name": "Управа Кетовского округа"})
    assert push(stack, rename) is None
    scans.clear()
    assert _names("управа кетов") == ["Управа Кетовского округа"]
    assert scans == []  # from the index, caught up with the edit
    stack.undo()
    assert _names("адм кетов") == [ADMIN]
    assert "Управа Кетовского округа" not in _names("управа", limit=5)
    stack.redo()
    assert _names("управа кетов") == ["Управа Кетовского округа"]
    stack.undo()

    assert push(stack, DeletePages(store, pages)) is None
    assert ADMIN not in _names("адм кетов", limit=5)
    stack.undo()
    assert _names("адм кетов") == [ADMIN]

    # A page added (above every indexed id) is found at once.
    school = Organization.get(Organization.full_name.contains("школа"))
    records.create_page(school.id, {"network": "ok", "url": "https://ok.ru/group/70000000001"})
    urls = [found.url for found in engine.lookup(school.full_name, limit=10)]
    assert "https://ok.ru/group/70000000001" in urls
    assert word_index.stale_pages(engine._index_places()) == 0


def test_a_renamed_territory_is_found_by_its_new_name(catalogue, scans):
    open_catalogue(catalogue)
    admin = Organization.get(Organization.full_name == ADMIN)
    assert _names("адм кетов") == [ADMIN]
    with db.atomic():
        Territory.update(name="Заозёрный муниципальный округ").where(
            Territory.id == admin.territory_id
        ).execute()
    scans.clear()
    found = engine.lookup("заозерный администрация", limit=1)
    assert [f.organization for f in found] == [ADMIN]
    assert found[0].territory == "Заозёрный муниципальный округ"
    assert scans == []


def test_a_busy_catalogue_is_scanned(catalogue, scans):
    open_catalogue(catalogue)
    assert _names("адм кетов") == [ADMIN]
    admin = Organization.get(Organization.full_name == ADMIN)
    records.update_organization(admin.id, {"full_name": "Управа Кетовского округа"})
    # Another program holds the catalogue for writing: the index cannot catch up now.
    other = sqlite3.connect(catalogue, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        scans.clear()
        assert _names("управа кетов") == ["Управа Кетовского округа"]
        assert scans == [["управа", "кетов"]]
    finally:
        other.rollback()
        other.close()
    scans.clear()
    assert _names("управа кетов") == ["Управа Кетовского округа"]
    assert scans == []


def test_an_index_written_around_is_reported_and_never_answers(catalogue, scans, capsys):
    open_catalogue(catalogue)
    assert _names("адм кетов") == [ADMIN]  # builds the index
    close_catalogue()
    assert main(["check", str(catalogue)]) == 0
    # A page changed behind the log's back (its trigger dropped): the index holds it wrongly.
    connection = sqlite3.connect(catalogue)
    with connection:
        connection.execute("DROP TRIGGER page_search_log_update")
        connection.execute(
            "UPDATE page SET title = 'Совершенно новый заголовок' WHERE id ="
            " (SELECT min(id) FROM page WHERE deleted_at IS NULL AND url <> '')"
        )
        # An organisation renamed without its pages' search keys: nothing is logged.
        connection.execute(
            "UPDATE organization SET full_name = 'Управа Кетовского округа', short_name = ''"
            " WHERE full_name = ?",
            (ADMIN,),
        )
    connection.close()
    capsys.readouterr()
    assert main(["check", str(catalogue)]) == 1
    assert "указатель поиска lookup держит неверно: 3" in capsys.readouterr().out
    # lookup never answers from what it holds wrongly; it has the index rebuilt.
    open_catalogue(catalogue)
    assert _names("адм кетов", limit=1) == [
        "Финансовый отдел Администрации Кетовского муниципального округа"
    ]
    assert "Управа Кетовского округа" not in _names("адм кетов", limit=5)
    scans.clear()
    assert _names("управа кетов") == ["Управа Кетовского округа"]
    assert scans == []


def test_lookup_on_a_file_and_on_a_server_alike(backend_catalogue):
    """A server catalogue has no word index: `lookup` scans there, with the same answers."""
    region = Territory.get(Territory.name == "Курганская область").id
    pages = {}
    for name in ("Администрация Кетовского района", "Кетовская районная библиотека", "Школа № 5"):
        org = records.create_organization(region, {"full_name": name})
        page = records.create_page(org.id, {"network": "vk", "url": f"https://vk.com/o{org.id}"})
        pages[name] = page.id
    assert word_index.available() == (not str(backend_catalogue).startswith("postgresql"))
    assert _names("адм кет") == ["Администрация Кетовского района"]
    assert _names("кетов", limit=5) == [  # the name beginning with the word first
        "Кетовская районная библиотека",
        "Администрация Кетовского района",
    ]
    assert _names("районная библиотека курган") == ["Кетовская районная библиотека"]
    records.delete_pages([pages["Школа № 5"]])
    assert _names("школа") == []
