"""Training records: schema 4, registration-list import semantics, the command line and the report."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from openpyxl import load_workbook

from editor.cli import main
from editor.core import training, training_figures
from editor.db.database import SCHEMA_VERSION, close_catalogue, open_catalogue
from editor.db.models import Change, Organization
from editor.db.training_models import Attendance, Participant, Seminar
from editor.exchange.training.registration import (
    TrainingImportError,
    TrainingOptions,
    import_lists,
    write_errors,
)
from tests.training_sample import (
    INN_LIBRARY,
    OGRN_KETOVO_SCHOOL,
    build_region,
    write_csv,
    write_list,
)

DAY = dt.date(2024, 3, 15)


@pytest.fixture
def region(catalogue):
    return build_region()


def _options(region, **kwargs) -> TrainingOptions:
    values = {"seminar": "Ведение госпабликов", "date": DAY, "territory_id": region.region}
    values.update(kwargs)
    return TrainingOptions(**values)


ROWS = [
    # Matched by ОГРН although the name is written differently.
    [
        "Иванова Анна Петровна",
        "учитель",
        "Кетовская школа",
        OGRN_KETOVO_SCHOOL,
        None,
        "Кетовский",
        "ivanova@mail.ru",
        "+7 900 000-00-01",
    ],
    # Matched by ИНН.
    ["Петров Пётр Петрович", "библиотекарь", "Библиотека", None, INN_LIBRARY, "Курган", "", ""],
    # Matched by name within the territory: two «Школа № 1» exist, Кетовский picks one.
    ["Сидорова Мария", "завуч", 'МКОУ "Школа №1"', None, None, "Кетовский район", "", ""],
    # Not in the catalogue: kept as written.
    ["Орлов Олег", "директор", "ООО «Ромашка»", None, None, "", "", ""],
]


def test_a_schema_3_file_gains_the_training_tables(catalogue):
    close_catalogue()
    connection = sqlite3.connect(catalogue)
    for table in ("attendance", "participant", "seminar"):
        connection.execute(f"DROP TABLE {table}")
    connection.execute("PRAGMA user_version = 3")
    connection.commit()
    connection.close()
    open_catalogue(catalogue)
    seminar = training.create_seminar({"title": "Первый", "date": "01.02.2024"})
    assert Seminar.get_by_id(seminar.id).date == dt.date(2024, 2, 1)
    version = sqlite3.connect(catalogue).execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION >= 4


def test_import_matches_organisations_and_keeps_unmatched_as_written(region, tmp_path):
    path = write_list(tmp_path / "list.xlsx", ROWS)
    result = import_lists([path], _options(region))
    assert (result.rows, result.seminars_new, result.participants_new) == (4, 1, 4)
    assert result.attendances_new == 4 and result.rejected == 0
    assert result.unmatched_organizations == ["ООО «Ромашка»"]
    linked = {p.full_name: p.organization_id for p in Participant.select()}
    assert linked["Иванова Анна Петровна"] == region.orgs["ketovo_school"]
    assert linked["Петров Пётр Петрович"] == region.orgs["library"]
    assert linked["Сидорова Мария"] == region.orgs["ketovo_1"]
    assert linked["Орлов Олег"] is None
    assert (
        Participant.get(Participant.full_name == "Орлов Олег").organization_text == "ООО «Ромашка»"
    )
    assert training_figures.counts()["trained_organizations"] == 3
    # The change log has the batch, but not the people's names.
    logged = " ".join(f"{c.old} {c.new}" for c in Change.select())
    assert "Иванова" not in logged and "ivanova@mail.ru" not in logged


def test_importing_the_same_list_again_adds_nothing(region, tmp_path):
    path = write_list(tmp_path / "list.xlsx", ROWS)
    import_lists([path], _options(region))
    before = (Seminar.select().count(), Participant.select().count(), Attendance.select().count())
    again = import_lists([path], _options(region))
    assert (again.seminars_new, again.participants_new, again.attendances_new) == (0, 0, 0)
    assert again.participants_known == 4 and again.batch is None
    after = (Seminar.select().count(), Participant.select().count(), Attendance.select().count())
    assert before == after == (1, 4, 4)


def test_one_person_at_two_seminars_is_one_participant(region, tmp_path):
    first = write_list(tmp_path / "march.xlsx", ROWS[:2])
    import_lists([first], _options(region))
    # The same people in April: Иванова with her e-mail only (name written with ё-less case
    # change), Петров with the same name and organisation.
    second = write_list(
        tmp_path / "april.xlsx",
        [
            ["ИВАНОВА А.П.", "учитель", "", None, None, "", "Ivanova@Mail.ru", ""],
            ["петров  пётр петрович", "", "Библиотека", None, INN_LIBRARY, "Курган", "", ""],
        ],
    )
    result = import_lists(
        [second], _options(region, seminar="Апрельский", date=DAY.replace(month=4))
    )
    assert (result.seminars_new, result.participants_new, result.participants_known) == (1, 0, 2)
    assert Participant.select().count() == 2
    assert Attendance.select().count() == 4


def test_per_row_seminar_and_date_columns_and_fio_in_three_columns(region, tmp_path):
    header = ["Фамилия", "Имя", "Отчество", "Организация", "Семинар", "Дата"]
    path = write_list(
        tmp_path / "many.xlsx",
        [
            [
                "Иванова",
                "Анна",
                "Петровна",
                "МКОУ «Кетовская СОШ»",
                "Госпаблики: основы",
                "10.04.2024",
            ],
            ["Петров", "Пётр", None, "МКОУ «Кетовская СОШ»", "Госпаблики: основы", "10.04.2024"],
            [
                "Иванова",
                "Анна",
                "Петровна",
                "МКОУ «Кетовская СОШ»",
                "Виджеты ПОС",
                dt.date(2024, 5, 20),
            ],
            ["", "", "", "МКОУ «Кетовская СОШ»", "Виджеты ПОС", "20.05.2024"],
            ["Смирнов", "Иван", None, "", "Виджеты ПОС", "32.13.2024"],
        ],
        header=header,
    )
    result = import_lists([path], TrainingOptions())
    assert result.seminars_new == 2 and result.participants_new == 2
    assert result.attendances_new == 3
    assert [(r.row, r.reason) for r in result.rejections] == [
        (7, "не указано ФИО участника"),
        (8, result.rejections[1].reason),
    ]
    assert "не" in result.rejections[1].reason and "32.13.2024" in result.rejections[1].reason
    assert {p.full_name for p in Participant.select()} == {"Иванова Анна Петровна", "Петров Пётр"}
    assert {(s.title, s.date) for s in Seminar.select()} == {
        ("Госпаблики: основы", dt.date(2024, 4, 10)),
        ("Виджеты ПОС", dt.date(2024, 5, 20)),
    }
    out = tmp_path / "errors.xlsx"
    assert write_errors(result, out) == 2
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (*header, "Причина")
    assert rows[2][:2] == ("Смирнов", "Иван") and "32.13.2024" in rows[2][-1]


def test_windows_1251_csv(region, tmp_path):
    path = write_csv(
        tmp_path / "list.csv",
        [["Ёлкина Юлия", "специалист", "МКОУ «Школа № 1»", "город Курган", "elkina@mail.ru"]],
        ["ФИО", "Должность", "Учреждение", "Муниципальное образование", "Электронная почта"],
    )
    result = import_lists([path], _options(region))
    assert result.participants_new == 1
    participant = Participant.get()
    assert participant.full_name == "Ёлкина Юлия"
    assert participant.organization_id == region.orgs["kurgan_1"]
    assert participant.email == "elkina@mail.ru"


def test_a_list_without_a_name_column_changes_nothing(region, tmp_path):
    path = write_list(
        tmp_path / "bad.xlsx", [["учитель", "Школа"]], header=["Должность", "Организация"]
    )
    changes = Change.select().count()
    with pytest.raises(TrainingImportError) as error:
        import_lists([path], _options(region))
    assert "ФИО" in str(error.value) and "bad.xlsx" in str(error.value)
    assert Seminar.select().count() == 0 and Change.select().count() == changes


def test_dry_run_counts_and_writes_nothing(region, tmp_path):
    path = write_list(tmp_path / "list.xlsx", ROWS)
    result = import_lists([path], _options(region, dry_run=True))
    assert (result.seminars_new, result.participants_new, result.attendances_new) == (1, 4, 4)
    assert Seminar.select().count() == 0 and Participant.select().count() == 0


def test_undo_and_redo_of_an_imported_batch(region, tmp_path):
    from editor.core.changelog import UNDO

    result = import_lists([write_list(tmp_path / "list.xlsx", ROWS)], _options(region))
    rows = training.undo_training_batch(result.batch, UNDO)
    assert Participant.select().count() == 0 and Seminar.select().count() == 0
    training.redo_training_batch(rows, UNDO)
    assert Participant.select().count() == 4 and Attendance.select().count() == 4


# --- command line -----------------------------------------------------------------------------


def test_cli_import_list_and_stats(region, catalogue, tmp_path, capsys):
    path = write_list(
        tmp_path / "list.xlsx", [*ROWS, ["", "учитель", "Школа", None, None, "", "", ""]]
    )
    close_catalogue()
    args = [
        "training",
        str(catalogue),
        "import",
        str(path),
        "--seminar",
        "Ведение госпабликов",
        "--date",
        "15.03.2024",
        "--territory",
        "Курганская область",
        "--format",
        "онлайн",
    ]
    assert main([*args, "--json", "--errors", str(tmp_path / "err.xlsx")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["rows"] == 5 and out["participants_new"] == 4 and out["rejected"] == 1
    assert out["unmatched_organizations"] == ["ООО «Ромашка»"]
    assert (tmp_path / "err.xlsx").is_file()
    assert main([*args, "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["seminars_new"], again["participants_new"], again["attendances_new"]) == (0, 0, 0)
    assert main(["training", str(catalogue), "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["seminars"]
    assert listed == [
        {
            "title": "Ведение госпабликов",
            "date": "2024-03-15",
            "format": "онлайн",
            "territory": "Курганская область",
            "participants": 4,
        }
    ]
    assert main(["stats", str(catalogue), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["training"] == {
        "seminars": 1,
        "participants": 4,
        "attendances": 4,
        "trained_organizations": 3,
    }


def test_cli_errors_are_one_line_and_change_nothing(region, catalogue, tmp_path, capsys):
    bad = write_list(tmp_path / "bad.xlsx", [["x", "y"]], header=["Должность", "Организация"])
    good = write_list(tmp_path / "good.xlsx", ROWS)
    close_catalogue()
    base = ["training", str(catalogue), "import"]
    assert main([*base, str(good), str(bad), "--seminar", "S", "--date", "01.01.2024"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ФИО" in err
    assert main([*base, str(good)]) == 1
    assert "семинар" in capsys.readouterr().err
    assert main([*base, str(good), "--seminar", "S", "--date", "31.02.2024"]) == 1
    assert "31.02.2024" in capsys.readouterr().err
    assert (
        main(
            [*base, str(good), "--seminar", "S", "--date", "01.01.2024", "--format", "заочно-очно"]
        )
        == 1
    )
    capsys.readouterr()
    open_catalogue(catalogue)
    assert Seminar.select().count() == 0 and Participant.select().count() == 0


# --- report -----------------------------------------------------------------------------------


def _sheet_rows(path, name):
    return [r for r in load_workbook(path)[name].iter_rows(values_only=True) if any(r)]


def test_training_report_coverage_and_invitation_list(region, catalogue, tmp_path, capsys):
    import_lists([write_list(tmp_path / "list.xlsx", ROWS)], _options(region))
    # A seminar before --since is left out of the counts.
    old = write_list(
        tmp_path / "old.xlsx",
        [["Давний Участник", "", "МКОУ «Школа № 1»", None, None, "город Курган", "", ""]],
    )
    import_lists([old], _options(region, seminar="Давний", date=dt.date(2022, 1, 1)))
    close_catalogue()
    out = tmp_path / "training.xlsx"
    assert (
        main(
            [
                "export",
                str(catalogue),
                "--report",
                "training",
                "--territory",
                "Курганская область",
                "--since",
                "01.01.2024",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    rows = {r[0]: r for r in _sheet_rows(out, "Обучение")[2:]}
    # territory, ОКТМО, seminars, people, orgs with pages, trained, share
    assert rows["Курганская область"][2:] == (1, 4, 4, 3, 75.0)
    assert rows["Кетовский муниципальный округ"][2:] == (0, 2, 2, 2, 100.0)
    assert rows["город Курган"][2:] == (0, 1, 2, 1, 50.0)
    invite = _sheet_rows(out, "Пригласить на обучение")
    assert [r[2] for r in invite[1:]] == ["МКОУ «Школа № 1»"]
    assert invite[1][0] == "город Курган" and invite[1][-1] == "https://vk.com/kurgan_1_0"
    seminars = _sheet_rows(out, "Семинары")
    assert [r[1] for r in seminars[1:]] == ["Ведение госпабликов"]
    # Without --since the old seminar makes Курган's «Школа № 1» trained: nobody to invite.
    assert (
        main(["export", str(catalogue), "--report", "training", "--out", str(out), "--force"]) == 0
    )
    assert len(_sheet_rows(out, "Пригласить на обучение")) == 1


def test_trashed_seminars_leave_the_counts_and_come_back(region, tmp_path):
    import_lists([write_list(tmp_path / "list.xlsx", ROWS)], _options(region))
    seminar = Seminar.get()
    training.delete_seminars([seminar.id])
    assert (
        training_figures.counts()["seminars"] == 0
        and training_figures.counts()["trained_organizations"] == 0
    )
    assert [s.id for s in training.trashed_seminars()] == [seminar.id]
    assert training.seminar_rows() == []
    training.restore_seminars([seminar.id])
    assert training_figures.counts()["attendances"] == 4


def test_organisation_lists_its_trained_people(region, tmp_path):
    import_lists([write_list(tmp_path / "list.xlsx", ROWS)], _options(region))
    people = training.trained_people(region.orgs["ketovo_school"])
    assert people == [("Иванова Анна Петровна", "учитель", "15.03.2024 Ведение госпабликов")]
    assert training.trained_people(region.orgs["no_pages"]) == []


def test_coverage_by_territory_is_per_own_territory(region, tmp_path):
    import_lists([write_list(tmp_path / "list.xlsx", ROWS)], _options(region))
    coverage = training_figures.coverage_by_territory()
    assert coverage[region.ketovo] == (2, 2)
    assert coverage[region.kurgan] == (1, 2)
    assert Organization.select().count() == 5


def test_the_same_file_twice_in_one_import_is_counted_once(region, tmp_path):
    path = write_list(tmp_path / "list.xlsx", ROWS)
    result = import_lists([path, path], _options(region))
    assert result.rows == 8
    assert (result.seminars_new, result.participants_new, result.attendances_new) == (1, 4, 4)
    assert Attendance.select().count() == 4
