"""Personal data of seminar participants and of organisations' responsible people (ФИО, phones,
e-mails) never leave the editor and the training report: planted in the catalogue, they are
searched for in every other output."""

from __future__ import annotations

import datetime as dt
import zipfile

from editor.cli import main
from editor.db.database import close_catalogue
from editor.exchange.training.registration import TrainingOptions, import_lists
from tests.training_sample import build_region, write_list

NAME, SURNAME = "Секретова Тайна Скрытовна", "Секретова"
PHONE, EMAIL = "+7 999 123-45-67", "tayna.sekretova@private.example"
OTHER_NAME, OTHER_EMAIL = "Неизвестнов Аноним", "anonim.hidden@private.example"
# The organisations' responsible person (tests.training_sample) is personal data too.
RESPONSIBLE = ("Ответственная Ольга", "345-67-89", "responsible.secret@example.ru")
PLANTED = (
    NAME, SURNAME, PHONE, "123-45-67", EMAIL, OTHER_NAME, OTHER_EMAIL, "Неизвестнов", *RESPONSIBLE
)  # fmt: skip


def _xlsx_text(path) -> str:
    """Every XML part of a workbook, decompressed (cells, shared strings, comments)."""
    with zipfile.ZipFile(path) as book:
        return "\n".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())


def _assert_clean(text: str, where: str) -> None:
    for value in PLANTED:
        assert value not in text, f"{value!r} leaked into {where}"


def test_participants_personal_data_stay_out_of_other_outputs(catalogue, tmp_path, capsys):
    region = build_region()
    training_list = write_list(
        tmp_path / "list.xlsx",
        [
            [NAME, "учитель", "МКОУ «Кетовская СОШ»", None, None, "Кетовский", EMAIL, PHONE],
            [OTHER_NAME, "", "Неизвестная организация", None, None, "", OTHER_EMAIL, PHONE],
        ],
    )
    import_lists(
        [training_list],
        TrainingOptions(seminar="Семинар", date=dt.date(2024, 3, 1), territory_id=region.region),
    )
    close_catalogue()
    cat = str(catalogue)
    outputs: dict[str, str] = {}

    def run(*args: str) -> None:
        status = main(list(args))
        captured = capsys.readouterr()
        outputs[f"#{len(outputs)} {' '.join(args[2:4])} → {status}"] = captured.out + captured.err

    for report in ("registry", "summary", "spheres", "compliance"):
        out = tmp_path / f"{report}.xlsx"
        run("export", cat, "--report", report, "--out", str(out))
        outputs[f"{report}.xlsx"] = _xlsx_text(out)
    run("stats", cat, "--json")
    run("stats", cat)
    run("check", cat)
    # A normal import with a rejected row, and its error workbook.
    registry = write_list(
        tmp_path / "registry.xlsx",
        [
            ["Кетовский", "МКОУ «Новая школа»", "https://vk.com/new_school"],
            ["Кетовский", "МКОУ «Плохая школа»", "https://ok.ru/notvk"],
        ],
        header=["Территория", "Организация", "Ссылка"],
        title=None,
    )
    errors = tmp_path / "errors.xlsx"
    run("import", cat, str(registry), "--errors", str(errors))
    run("import", cat, str(registry), "--json", "--dry-run")
    outputs["errors.xlsx"] = _xlsx_text(errors)
    # The training commands themselves print counts, reasons and organisations, never people.
    run(
        "training",
        cat,
        "import",
        str(training_list),
        "--seminar",
        "Семинар",
        "--date",
        "01.03.2024",
    )
    run(
        "training",
        cat,
        "import",
        str(training_list),
        "--seminar",
        "Семинар",
        "--date",
        "01.03.2024",
        "--json",
    )
    run("training", cat, "list")
    run("training", cat, "list", "--json")
    bad = write_list(tmp_path / "bad.xlsx", [[NAME, "x"]], header=["Участник", "Должность"])
    run("training", cat, "import", str(bad), "--date", "31.02.2024", "--seminar", "S")
    run("training", cat, "import", str(bad), "--seminar", "S")
    assert len(outputs) == 20
    statuses = [key.rsplit(" ", 1)[1] for key in outputs if key.startswith("#")]
    assert statuses.count("1") == 2  # the two refused lists; everything else ran
    for where, text in outputs.items():
        _assert_clean(text, where)
    # The planted data are really in the catalogue: the test could fail.
    out = tmp_path / "training.xlsx"
    assert main(["export", cat, "--report", "training", "--out", str(out)]) == 0
    assert "Неизвестная организация" not in _xlsx_text(out)  # not invited: no pages
    from editor.db.database import open_catalogue
    from editor.db.training_models import Participant

    open_catalogue(catalogue)
    assert {p.email for p in Participant.select()} == {EMAIL, OTHER_EMAIL}
    from editor.db.models import Organization

    assert Organization.select().where(Organization.responsible_email == RESPONSIBLE[2]).count()
