"""A catalogue on a PostgreSQL server through the command line: init, stats, check, bad input
(wrong password, server down, no database, another program's database), passwords kept out of
every message, ~/.pgpass, TLS options passed to libpq, and a read-only role."""

from __future__ import annotations

import json

import pytest

from tests.main_process import run_main as run
from tests.pg_server import ADMIN_PASSWORD


def _tables(pg_server, dbname: str) -> list[str]:
    with pg_server.admin(dbname) as connection:
        rows = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
    return [row[0] for row in rows]


def test_init_stats_check_on_a_server(pg_server, pg_url):
    created = run("init", pg_url)
    assert created.returncode == 0, created.stderr
    assert "89" in created.stdout
    assert ADMIN_PASSWORD not in created.stdout + created.stderr
    stats = json.loads(run("stats", pg_url, "--json").stdout)
    assert stats["territories"]["region"] == 89 and stats["pages"] == 0
    scoped = run("stats", pg_url, "--territory", "Курганская область", "--json")
    assert json.loads(scoped.stdout)["territories"]["region"] == 1
    checked = run("check", pg_url)
    assert checked.returncode == 0, checked.stderr
    again = run("init", pg_url)
    assert again.returncode == 1 and "уже существует" in again.stderr


def test_bad_connections_are_one_line_without_password(pg_server):
    dbname = pg_server.new_database()
    cases = {
        "Неверный пароль": pg_server.url(dbname, password="wrong-pass-42"),
        "нет базы данных": pg_server.url("no_such_catalogue"),
        "недоступен": pg_server.url(dbname).replace(str(pg_server.port), "1"),
    }
    for expected, url in cases.items():
        result = run("stats", url)
        assert result.returncode == 1, url
        line = result.stderr.strip()
        assert expected in line and "\n" not in line and "Traceback" not in line
        assert ADMIN_PASSWORD not in line and "wrong-pass-42" not in line
    # Nothing was created by the failed attempts.
    assert _tables(pg_server, dbname) == []


def test_database_of_another_program_is_refused_untouched(pg_server):
    dbname = pg_server.new_database()
    with pg_server.admin(dbname) as connection:
        connection.execute("CREATE TABLE invoices (id integer)")
    for command in ("init", "stats"):
        result = run(command, pg_server.url(dbname))
        assert result.returncode == 1
        assert "принадлежит другой программе" in result.stderr
    assert _tables(pg_server, dbname) == ["invoices"]


def test_empty_database_is_not_a_catalogue_until_init(pg_server, pg_url):
    result = run("stats", pg_url)
    assert result.returncode == 1 and "init" in result.stderr


def test_password_from_pgpass_and_tls_options(pg_server, pg_url, tmp_path):
    assert run("init", pg_url).returncode == 0
    dbname = pg_url.rsplit("/", 1)[1]
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_server.port}:*:gp_admin:{ADMIN_PASSWORD}\n")
    pgpass.chmod(0o600)
    without_password = pg_server.url(dbname, password=None)
    env = {"PGPASSFILE": str(pgpass)}
    assert run("check", without_password, env=env).returncode == 0
    asked = run("check", without_password, env={"PGPASSFILE": str(tmp_path / "none")})
    assert asked.returncode == 1 and "требует пароль" in asked.stderr
    # TLS options reach libpq: this test server has no TLS, so requiring it must fail clearly.
    plain = run("check", pg_server.url(dbname, query="sslmode=disable"))
    assert plain.returncode == 0, plain.stderr
    tls = run("check", pg_server.url(dbname, query="sslmode=require"))
    assert tls.returncode == 1 and ADMIN_PASSWORD not in tls.stderr
    assert "SSL" in tls.stderr


def test_read_only_role_reads_but_never_writes(pg_server, pg_url, tmp_path):
    assert run("init", pg_url).returncode == 0
    dbname = pg_url.rsplit("/", 1)[1]
    with pg_server.admin(dbname) as connection:
        connection.execute("CREATE ROLE viewer LOGIN PASSWORD 'view-secret-3'")
        connection.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO viewer")
    viewer = pg_server.url(dbname, user="viewer", password="view-secret-3")
    stats = run("stats", viewer, "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["territories"]["region"] == 89
    csv = tmp_path / "pages.csv"
    csv.write_text("Организация;Ссылка\nМБОУ СОШ № 1;https://vk.com/school1\n", encoding="utf-8")
    refused = run("import", viewer, str(csv), "--into", "Курганская область")
    assert refused.returncode == 1
    assert "только для чтения" in refused.stderr and "view-secret-3" not in refused.stderr
    after = json.loads(run("stats", pg_url, "--json").stdout)
    assert after["pages"] == 0 and after["organizations"] == 0


@pytest.mark.parametrize("url", ["postgresql://u:topsecret@h:5/db?sslmode=require"])
def test_mask_hides_the_password(url):
    from editor.db.dialect import describe, mask

    assert mask(url) == "postgresql://u:***@h:5/db?sslmode=require"
    assert "topsecret" not in describe(url)
