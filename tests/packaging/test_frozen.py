"""The parts of the desktop bundle that are plain Python: what runs differently when frozen.

The bundle itself is built and exercised by packaging/test-bundle; these tests pretend to be
frozen (``sys.frozen``, ``sys._MEIPASS``) to check the same code paths in the source tree.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from editor import __version__, launcher, system_libs
from editor.core import resources
from editor.exchange.importing import feed as import_feed
from editor.exchange.importing.engine import ImportOptions, run_import
from tests.exchange.import_helpers import HEADERS, TODAY, add_region, write_xlsx

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def frozen(monkeypatch, tmp_path):
    """As inside the bundle: sys.frozen set and the bundle's data folder in sys._MEIPASS."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    return tmp_path / "bundle"


def test_resources_come_from_the_source_tree_when_not_frozen():
    assert resources.resources_dir() == ROOT / "resources"
    assert (resources.resources_dir() / "territories.json").is_file()


def test_resources_come_from_the_bundle_when_frozen(frozen):
    assert resources.resources_dir() == frozen / "resources"


def fake_frozen_executable(tmp_path: Path) -> Path:
    """An executable that, like the bundle's `gospabliki`, runs the launcher as a frozen app."""
    path = tmp_path / "gospabliki"
    path.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "sys.frozen = True\n"
        "from editor.launcher import main\n"
        "sys.exit(main())\n",
        encoding="utf-8",
    )
    path.chmod(0o755)
    return path


def test_a_big_import_reads_through_the_frozen_executable(catalogue, tmp_path, monkeypatch):
    # In the bundle sys.executable is `gospabliki`: the reader process is `gospabliki -m …`.
    region = add_region()
    rows = [
        [
            "г. Курган",
            f"МКОУ «Школа № {n}»",
            None,
            "Школы",
            "ВКонтакте",
            f"vk.com/school_{n}",
            "активный",
            "да",
            str(n * 10),
            "01.03.2025",
        ]
        for n in range(1, 301)
    ]
    path = write_xlsx(tmp_path / "реестр школ.xlsx", HEADERS, rows)
    monkeypatch.setattr(sys, "executable", str(fake_frozen_executable(tmp_path)))
    monkeypatch.setenv(import_feed.PARALLEL_ENV, "always")
    import_feed.last_reader.clear()
    report = run_import([path], ImportOptions(target_id=region.region, today=TODAY))
    assert (report.rows, report.new, report.rejected) == (300, 300, 0)
    assert import_feed.last_reader["cpu_seconds"] > 0  # the reader process finished the file


def test_minus_m_runs_only_the_editors_modules(frozen, capsys):
    assert launcher.main(["-m", "os"]) == 2
    assert "editor" in capsys.readouterr().err


def test_minus_m_is_not_an_option_outside_the_bundle(capsys):
    with pytest.raises(SystemExit) as stop:
        launcher.main(["-m", "editor.exchange.importing.feed"])
    assert stop.value.code == 2


def test_version_is_one_line(capsys):
    with pytest.raises(SystemExit) as stop:
        launcher.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.splitlines() == [f"Каталог госпабликов {__version__}"]


def test_missing_qt_libraries_name_the_packages(monkeypatch, capsys):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(
        system_libs, "_loadable", lambda soname: "cursor" not in soname and "icccm" not in soname
    )

    def no_window(*_args):
        raise AssertionError("the window must not start without its libraries")

    monkeypatch.setattr("editor.cli.main", no_window)
    shown = []
    monkeypatch.setattr(system_libs.shutil, "which", lambda tool: f"/usr/bin/{tool}")
    monkeypatch.setattr(system_libs.subprocess, "run", lambda args, **_: shown.append(args))
    assert launcher.main([]) == 1
    message = capsys.readouterr().err
    assert "libxcb-cursor.so.0" in message and "libxcb-icccm.so.4" in message
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in message
    assert "libxcb-image" not in message
    # Started from the menu there is no terminal: a desktop dialog shows the same message.
    assert shown and shown[0][0] == "/usr/bin/zenity" and shown[0][-1] == message.strip()


def test_no_library_check_off_x11():
    assert system_libs.needs_check({}, "linux")
    assert system_libs.needs_check({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not system_libs.needs_check({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not system_libs.needs_check({}, "win32")


def test_library_probe_finds_real_libraries_only():
    assert system_libs._loadable("libc.so.6")
    assert not system_libs._loadable("libnot-a-library-gospabliki.so.7")


def test_the_debian_package_depends_on_every_library_the_check_names():
    control = (ROOT / "packaging" / "debian" / "control.in").read_text(encoding="utf-8")
    depends_line = next(line for line in control.splitlines() if line.startswith("Depends:"))
    depends = {part.split()[0] for part in depends_line.split(":", 1)[1].split(",")}
    assert set(system_libs.QT_SYSTEM_LIBRARIES.values()) <= depends


def test_usage_names_the_bundles_executable(frozen, capsys):
    with pytest.raises(SystemExit) as stop:
        launcher.main(["stats"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.startswith("usage: gospabliki stats")
