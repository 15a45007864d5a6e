"""The offline copy of a server catalogue: a catalogue file with the same records, whose
offline changes come back to the server as one import batch naming the file."""

from __future__ import annotations

import json

from editor.cli import main
from editor.core import records, territories
from editor.core.offline import copy_server_catalogue
from editor.db.database import close_catalogue, open_catalogue
from editor.db.models import ImportBatch, Page
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
