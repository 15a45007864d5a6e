"""`python main.py export`: reports from the command line, scope options, exit statuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.cli import main
from editor.db.database import close_catalogue
from tests.exchange.export_sample import build_export_sample, by_header, read_calamine
from tests.main_process import run_main as run


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "region.gpc"
    build_export_sample(path)
    close_catalogue()
    yield path
    close_catalogue()


def _export(capsys, catalogue: Path, out: Path, *options: str) -> tuple[int, str, str]:
    status = main(["export", str(catalogue), "--out", str(out), *options])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_registry_of_a_territory_by_name(catalogue, tmp_path, capsys):
    out = tmp_path / "kurgan.xlsx"
    status, stdout, stderr = _export(
        capsys, catalogue, out, "--report", "registry", "--territory", "Курганская область"
    )
    assert status == 0, stderr
    assert "записано строк 34" in stdout and str(out) in stdout
    rows = by_header(read_calamine(out)["Реестр"])
    assert len(rows) == 34  # 32 live pages + 2 organisations without pages
    assert "Тюменская область" not in {r["Территория"] for r in rows}


def test_sphere_and_network_options(catalogue, tmp_path, capsys):
    out = tmp_path / "schools.xlsx"
    status, _, stderr = _export(
        capsys,
        catalogue,
        out,
        "--report",
        "registry",
        "--sphere",
        "Образование",
        "--network",
        "ВКонтакте",
        "--network",
        "ok",
    )
    assert status == 0, stderr
    rows = by_header(read_calamine(out)["Реестр"])
    assert {r["Соцсеть"] for r in rows} == {"ВКонтакте", "Одноклассники"}
    assert len(rows) == 20


def test_territory_by_oktmo_and_stale_days(catalogue, tmp_path, capsys):
    out = tmp_path / "compliance.xlsx"
    status, _, stderr = _export(
        capsys,
        catalogue,
        out,
        "--report",
        "compliance",
        "--territory",
        "37701000",
        "--stale-days",
        "10000",
    )
    assert status == 0, stderr
    title = read_calamine(out)["Нарушения"][0][0]
    assert title.startswith("Соблюдение требований к госпабликам: город Курган")


def test_existing_file_needs_force(catalogue, tmp_path, capsys):
    out = tmp_path / "summary.xlsx"
    assert _export(capsys, catalogue, out, "--report", "summary")[0] == 0
    first = out.read_bytes()
    status, _, stderr = _export(capsys, catalogue, out, "--report", "summary")
    assert status == 1
    assert "уже существует" in stderr and "--force" in stderr
    assert out.read_bytes() == first
    assert _export(capsys, catalogue, out, "--report", "spheres", "--force")[0] == 0
    assert "Сферы" in read_calamine(out)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--territory", "Нигде"], "не найдена"),
        (["--sphere", "Астрология"], "Сфера «Астрология» не найдена"),
        (["--network", "myspace"], "неизвестная соцсеть"),
        (["--territory", "Ямало-Ненецкий автономный округ"], "нет ни организаций, ни страниц"),
    ],
)
def test_bad_scope_is_one_line_and_writes_nothing(catalogue, tmp_path, capsys, options, message):
    out = tmp_path / "out.xlsx"
    status, _, stderr = _export(capsys, catalogue, out, "--report", "registry", *options)
    assert status == 1
    assert message in stderr and stderr.strip().count("\n") == 0
    assert not out.exists()


def test_catalogue_as_output_is_refused(catalogue, capsys):
    before = catalogue.read_bytes()
    status, _, stderr = _export(capsys, catalogue, catalogue, "--report", "registry", "--force")
    assert status == 1 and "открытого каталога" in stderr
    assert catalogue.read_bytes() == before


def test_process_exit_statuses(catalogue, tmp_path):
    out = tmp_path / "r.xlsx"
    done = run("export", str(catalogue), "--report", "summary", "--out", str(out))
    assert done.returncode == 0, done.stderr
    missing = run(
        "export",
        str(catalogue),
        "--report",
        "summary",
        "--out",
        str(tmp_path / "absent" / "r.xlsx"),
    )
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "не существует" in missing.stderr
    usage = run("export", str(catalogue), "--report", "pie-chart", "--out", str(out))
    assert usage.returncode == 2
