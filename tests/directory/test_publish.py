"""`publish` and `lookup`: the three files, nothing personal, hostile names, bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest

from editor.cli import main
from editor.exchange.directory.collect import safe_link
from tests.directory.sample import (
    ADMIN,
    EMAIL,
    HOSTILE,
    PERSON,
    PHONE,
    POSITION,
    SCRIPT_URL,
    TRASHED,
    directory_pages,
)

PERSONAL = (PERSON, "Петрова", PHONE, "555-44-33", EMAIL, POSITION)


def _left(folder: Path) -> list[str]:
    """What a folder holds besides the catalogue and its journal files."""
    return sorted(name for name in os.listdir(folder) if not name.startswith("region.gpc"))


def _run(capsys, *args: str) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _publish(capsys, catalogue: Path, out: Path, *options: str):
    return _run(capsys, "publish", catalogue, "--out", out, *options)


def test_publish_writes_the_three_files(catalogue, tmp_path, capsys):
    out = tmp_path / "site"
    status, stdout, stderr = _publish(capsys, catalogue, out, "--territory", "Курганская область")
    assert status == 0, stderr
    assert str(out) in stdout
    assert sorted(os.listdir(out)) == ["directory.csv", "directory.json", "index.html"]
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".")]  # no staging left

    data = json.loads((out / "directory.json").read_text(encoding="utf-8"))
    assert data["schema"] == 1
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["generated"])
    assert set(data) == {
        "schema",
        "generated",
        "scope",
        "fields",
        "territories",
        "spheres",
        "organizations",
        "pages",
    }
    assert data["fields"] == {
        "organizations": ["name", "short_name", "spheres"],
        "pages": ["organization", "territory", "network", "url", "title"],
    }
    orgs = data["organizations"]
    pages = directory_pages(data)
    # 10 schools × 3 networks + admin 2 + two neighbours + hostile + scripted; not the trash.
    assert len(pages) == 36 and len(orgs) == 15
    assert all(len(row) == 5 for row in data["pages"]) and all(len(row) == 3 for row in orgs)
    assert TRASHED not in {o[0] for o in orgs}
    admin_pages = [page for page in pages if page["organization"]["name"] == ADMIN]
    assert [(p["network"], p["url"], p["title"]) for p in admin_pages] == [
        ("vk", "https://vk.com/ketovo_adm", ""),
        ("telegram", "https://t.me/ketovo_adm", ""),
    ]
    admin = admin_pages[0]["organization"]
    assert admin == {"name": ADMIN, "short_name": "Администрация округа", "spheres": []}
    place = admin_pages[0]["territory"]
    assert place == {
        "name": "Кетовский муниципальный округ",
        "oktmo": "37515000",
        "level": "municipality",
        "parent": place["parent"],
    }
    parent = data["territories"][place["parent"]]
    assert parent["name"] == "Курганская область" and parent["oktmo"] == "37000000"
    school = next(p["organization"] for p in pages if p["organization"]["name"].endswith("№ 2»"))
    assert [data["spheres"][s]["name"] for s in school["spheres"]] == ["Школы"]
    schools = data["spheres"][school["spheres"][0]]
    assert data["spheres"][schools["parent"]] == {"name": "Образование", "parent": None}

    raw = (out / "directory.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8")), delimiter=";"))
    assert rows[0][0] == "Организация" and len(rows) == 1 + 36
    row = rows[1 + pages.index(admin_pages[0])]
    assert row[:4] == [
        ADMIN,
        "Администрация округа",
        "Курганская область/Кетовский муниципальный округ",
        "37515000",
    ]
    assert row[5:7] == ["ВКонтакте", "https://vk.com/ketovo_adm"]


def test_no_personal_data_anywhere(catalogue, tmp_path, capsys):
    out = tmp_path / "site"
    assert _publish(capsys, catalogue, out)[0] == 0
    texts = [(out / name).read_text(encoding="utf-8") for name in os.listdir(out)]
    status, stdout, _ = _run(capsys, "lookup", catalogue, "адм", "кетов", "--json")
    assert status == 0
    texts.append(stdout)
    for query in (PERSON, "Петрова", EMAIL, "555"):
        status, found, _ = _run(capsys, "lookup", catalogue, query, "--json")
        assert json.loads(found)["results"] == [], query  # a person finds nothing
    for text in texts:
        for secret in PERSONAL:
            assert secret not in text


def test_hostile_name_stays_text(catalogue, tmp_path, capsys):
    out = tmp_path / "site"
    assert _publish(capsys, catalogue, out)[0] == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "<img" not in html  # the name is in the data only, with «<» escaped
    assert "</script><script>alert(2)" not in html
    assert html.count("<script") == 2  # the data block and the page's own script
    data = json.loads((out / "directory.json").read_text(encoding="utf-8"))
    assert HOSTILE in {page["organization"]["name"] for page in directory_pages(data)}
    # The page's own script inserts names with textContent only, never as markup.
    script = html.rsplit("<script>", 1)[1]
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "document.write" not in script


def test_only_http_links_to_known_networks(catalogue, tmp_path, capsys):
    assert safe_link("https://vk.com/club1")
    assert safe_link("http://m.vk.com/club1")
    assert safe_link("https://school5.t.me")
    for url in (
        SCRIPT_URL,
        "JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "https://example.org/vk.com",
        "https://vk.com.evil.org/",
        "https://vk.com@evil.org/",
        "ftp://vk.com/x",
        "",
    ):
        assert not safe_link(url), url
    out = tmp_path / "site"
    assert _publish(capsys, catalogue, out)[0] == 0
    data = json.loads((out / "directory.json").read_text(encoding="utf-8"))
    urls = {page["url"] for page in directory_pages(data)}
    assert SCRIPT_URL in urls  # shown as text only


def test_lookup_answers_best_first(catalogue, capsys):
    status, stdout, stderr = _run(capsys, "lookup", catalogue, "адм", "кетов", "--json")
    assert status == 0, stderr
    answer = json.loads(stdout)
    assert answer["query"] == "адм кетов"
    first = answer["results"][0]
    assert first == {
        "organization": ADMIN,
        "territory": "Кетовский муниципальный округ",
        "oktmo": "37515000",
        "network": "vk",
        "url": "https://vk.com/ketovo_adm",
        "title": "",
    }
    names = [r["organization"] for r in answer["results"]]
    assert names[:3] == [
        ADMIN,
        ADMIN,
        "Финансовый отдел Администрации Кетовского муниципального округа",
    ]
    # Plain text, a limit, a scope.
    status, stdout, _ = _run(capsys, "lookup", catalogue, "ШКОЛА", "--limit", "2")
    assert status == 0 and len(stdout.strip().splitlines()) == 2
    status, stdout, _ = _run(
        capsys, "lookup", catalogue, "школа", "--territory", "город Курган", "--json"
    )
    results = json.loads(stdout)["results"]
    assert results and {r["territory"] for r in results} == {"город Курган"}
    status, stdout, _ = _run(capsys, "lookup", catalogue, "закрытый", "музей", "--json")
    assert json.loads(stdout)["results"] == []  # the trash is not public


def test_lookup_matches_the_published_order(catalogue, tmp_path, capsys):
    """The engine over directory.json ranks as `lookup` does over the catalogue."""
    from editor.core.opening import open_catalogue
    from editor.exchange.directory.collect import collect
    from editor.exchange.directory.lookup import lookup
    from editor.exchange.directory.search import search

    open_catalogue(catalogue)
    directory = collect()
    entries = directory.entries()
    for query in ("адм кетов", "школа", "кетовский", "культ", "1", "музей ссылк"):
        from_file = [
            (directory.organizations[directory.pages[i].organization].name, directory.pages[i].url)
            for i in search(entries, query, limit=8)
        ]
        from_catalogue = [(f.organization, f.url) for f in lookup(query, limit=8)]
        assert from_file == from_catalogue, query


def test_written_json_is_the_documented_object(catalogue):
    """The fast writer gives exactly `as_json`, for awkward names too."""
    from editor.core.opening import open_catalogue
    from editor.exchange.directory.collect import collect

    open_catalogue(catalogue)
    directory = collect(scope_text='«Курган» \\ "область"\n')
    assert json.loads(directory.json_text()) == directory.as_json()


def test_existing_folder_needs_force_and_is_kept(catalogue, tmp_path, capsys):
    out = tmp_path / "site"
    assert _publish(capsys, catalogue, out, "--territory", "город Курган")[0] == 0
    before = (out / "directory.json").read_bytes()
    status, _, stderr = _publish(capsys, catalogue, out)
    assert status == 1 and "уже существует" in stderr and "--force" in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert (out / "directory.json").read_bytes() == before
    status, _, stderr = _publish(capsys, catalogue, out, "--force")
    assert status == 0, stderr
    assert (out / "directory.json").read_bytes() != before
    assert _left(tmp_path) == ["site"]


def test_force_never_replaces_a_folder_with_other_files(catalogue, tmp_path, capsys):
    status, _, stderr = _publish(capsys, catalogue, tmp_path, "--force")
    assert status == 1 and "другие файлы" in stderr
    assert (tmp_path / "region.gpc").exists()


def test_empty_existing_folder_is_used(catalogue, tmp_path, capsys):
    out = tmp_path / "empty"
    out.mkdir()
    assert _publish(capsys, catalogue, out)[0] == 0
    assert (out / "index.html").exists()


def test_unwritable_folder(catalogue, tmp_path, capsys):
    blocker = tmp_path / "somefile.txt"
    blocker.write_text("x")
    status, _, stderr = _publish(capsys, catalogue, blocker / "sub")
    assert status == 1 and "файл, а не папка" in stderr
    status, _, stderr = _publish(capsys, catalogue, blocker)
    assert status == 1 and "файл, а не папка" in stderr
    assert blocker.read_text() == "x"
    status, _, stderr = _publish(capsys, catalogue, tmp_path / "no" / "such" / "site")
    assert status == 1 and "не существует" in stderr
    assert _left(tmp_path) == ["somefile.txt"]


def test_empty_scope(catalogue, tmp_path, capsys):
    out = tmp_path / "site"
    status, _, stderr = _publish(capsys, catalogue, out, "--territory", "Тюменская область")
    assert status == 1 and "нет ни одной страницы" in stderr
    status, _, stderr = _publish(capsys, catalogue, out, "--sphere", "Здравоохранение")
    assert status == 1 and "нет ни одной страницы" in stderr
    assert not out.exists()
    assert _left(tmp_path) == []


def test_bad_usage(catalogue, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["lookup", str(catalogue), "школа", "--limit", "0"])
    assert exit_.value.code == 2
    status, _, stderr = _run(capsys, "lookup", tmp_path / "missing.gpc", "школа")
    assert status == 1 and "не найден" in stderr
    status, _, stderr = _publish(capsys, catalogue, tmp_path / "s", "--sphere", "Нет такой")
    assert status == 1 and "не найдена" in stderr


def test_lookup_takes_any_words_after_double_dash(catalogue, capsys):
    """A bot passes the user's words after «--»: a word starting with «-» is still a word."""
    status, stdout, stderr = _run(capsys, "lookup", catalogue, "--json", "--", "-адм", "кетов")
    assert status == 0, stderr
    assert json.loads(stdout)["results"][0]["organization"] == ADMIN
    status, stdout, _ = _run(capsys, "lookup", catalogue, "«»", "--json")
    assert status == 0 and json.loads(stdout) == {"query": "«»", "results": []}
    status, stdout, _ = _run(capsys, "lookup", catalogue, "«»")
    assert status == 0 and stdout.strip() == "Ничего не найдено"
