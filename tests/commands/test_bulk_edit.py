"""Bulk edit: one undo step over many pages, their organisations' spheres, and its speed."""

from __future__ import annotations

import time

import pytest

from editor.commands.base import push
from editor.commands.records import BulkEditPages
from editor.core import bulk, spheres
from editor.core.normalize import NormalizeError
from editor.db.models import Change, Organization, Page, db


def values(ids, *fields):
    return {
        p.id: tuple(getattr(p, f) for f in fields) for p in Page.select().where(Page.id.in_(ids))
    }


def test_bulk_edit_is_one_step_and_undoes_each_page(catalogue, store, stack, qtbot):
    ids = catalogue.pages[:12]
    before = values(ids, "status", "gosmark", "connected")
    assert bulk.preview(ids, {"status": "flagship", "gosmark": True}) == 12
    command = BulkEditPages(store, ids, {"status": "флагманский", "gosmark": "да"})
    with qtbot.waitSignal(store.pagesChanged) as signal:
        assert push(stack, command) is None
    assert sorted(signal.args[0]) == sorted(ids)
    assert stack.count() == 1
    assert set(values(ids, "status", "gosmark").values()) == {("flagship", True)}
    assert bulk.preview(ids, {"status": "flagship", "gosmark": True}) == 0

    stack.undo()
    assert values(ids, "status", "gosmark", "connected") == before
    stack.redo()
    assert set(values(ids, "status", "gosmark").values()) == {("flagship", True)}


def test_bulk_edit_logs_old_and_new_with_bulk_origin(catalogue, store, stack):
    page = catalogue.pages[0]  # status "active" in the fixture
    push(stack, BulkEditPages(store, [page], {"status": "card"}))
    entry = Change.select().where((Change.entity_id == page) & (Change.field == "status")).get()
    assert (entry.old, entry.new, entry.origin) == ("active", "card", "bulk")


def test_bulk_edit_of_widget_flags_recounts_widgets(catalogue, store, stack):
    ids = catalogue.pages[:3]
    push(stack, BulkEditPages(store, ids, {"pos_problem": True, "pos_opinion": True}))
    assert set(values(ids, "widgets").values()) == {(2,)}
    stack.undo()
    assert set(values(ids, "widgets", "pos_problem").values()) == {(None, None)}


def test_bulk_edit_sets_the_sphere_of_the_pages_organizations(catalogue, store, stack):
    museums = spheres.find("Музеи")
    ids = catalogue.pages[:6]  # schools 1 and 2
    organizations = {Page.get_by_id(i).organization_id for i in ids}
    assert bulk.preview(ids, {}, {"sphere1": museums}) == 6
    push(stack, BulkEditPages(store, ids, {}, {"sphere1": museums}))
    assert {Organization.get_by_id(o).sphere1_id for o in organizations} == {museums}
    stack.undo()
    assert {Organization.get_by_id(o).sphere1_id for o in organizations} == {None}


def test_bulk_network_change_touches_only_differing_pages(catalogue, store, stack):
    ids = catalogue.pages[:3]  # school 1 in VK, OK and Telegram
    command = BulkEditPages(store, ids, {"network": "vk"})
    push(stack, command)
    assert command.undo_data.changed_pages == ids[1:]
    assert {Page.get_by_id(i).network for i in ids} == {"vk"}
    stack.undo()
    assert [Page.get_by_id(i).network for i in ids] == ["vk", "ok", "telegram"]


def test_bulk_edit_refuses_bad_values_before_pushing(catalogue, store):
    with pytest.raises(NormalizeError):
        BulkEditPages(store, catalogue.pages, {"widgets": 7})
    with pytest.raises(ValueError, match="нельзя"):
        BulkEditPages(store, catalogue.pages, {}, {"full_name": "x"})


def test_bulk_edit_of_ten_thousand_pages_is_quick(catalogue, store, stack):
    connection = db.connection()
    columns = [c[1] for c in connection.execute("PRAGMA table_info(page)") if c[1] != "id"]
    template = connection.execute(
        f"SELECT {', '.join(columns)} FROM page WHERE id = ?", (catalogue.pages[0],)
    ).fetchone()
    with db.atomic():
        connection.executemany(
            f"INSERT INTO page ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [template] * 10_000,
        )
    ids = [row[0] for row in connection.execute("SELECT id FROM page")]
    assert len(ids) > 10_000
    started = time.perf_counter()
    push(stack, BulkEditPages(store, ids, {"status": "flagship", "pos_problem": True}))
    done = time.perf_counter() - started
    stack.undo()
    undone = time.perf_counter() - started - done
    assert Page.select().where(Page.status == "flagship").count() == 0
    print(f"bulk edit {done:.2f} s, undo {undone:.2f} s")
    assert done < 3 and undone < 3, (done, undone)
