"""`python -m bench`: generate (or reuse) the nationwide catalogue and time every hot path.

Each case runs in a fresh process so that its peak memory is its own and one case's caches do
not speed up the next; ``--in-process`` runs them here instead (quicker, memory figures then
include everything before). Cases come from ``bench/bench_*.py`` modules (`bench.framework`).
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.framework import (
    BENCH_DIR,
    Case,
    Context,
    Result,
    discover,
    format_table,
    peak_rss_kb,
    run_case,
)

GENERATION_TARGET = 60.0
DEFAULT_CACHE = BENCH_DIR / ".cache"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Times the catalogue's hot paths."
    )
    parser.add_argument("--pages", type=int, default=300_000, help="pages to generate")
    parser.add_argument("--regions", type=int, default=89, help="subjects to fill (1–89)")
    parser.add_argument("--months", type=int, default=12, help="subscriber counts per page")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="SUBSTRING",
        help="cases whose name has it (repeatable: any of them)",
    )
    parser.add_argument("--json", metavar="OUT", help="also write the results as JSON")
    parser.add_argument("--regenerate", action="store_true", help="ignore the cached catalogue")
    parser.add_argument("--repeat", type=int, help="runs per case instead of each case's own")
    parser.add_argument("--in-process", action="store_true", help="no process per case")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, help=argparse.SUPPRESS)
    # A child process running one case.
    parser.add_argument("--run-case", help=argparse.SUPPRESS)
    parser.add_argument("--catalogue", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    return parser


def cache_path(args: argparse.Namespace) -> Path:
    """The cached catalogue for these parameters, generator version and schema version."""
    from bench.generate import GENERATOR_VERSION
    from editor.db.database import SCHEMA_VERSION

    name = (
        f"nationwide-r{args.regions}-p{args.pages}-m{args.months}-s{args.seed}"
        f"-g{GENERATOR_VERSION}-v{SCHEMA_VERSION}.gpc"
    )
    return args.cache_dir / name


def ensure_catalogue(args: argparse.Namespace) -> tuple[Path, dict, bool]:
    """The catalogue to measure and its generation record; (path, info, reused)."""
    from bench.generate import generate

    path = cache_path(args)
    info_path = path.with_suffix(".json")
    if path.exists() and info_path.exists() and not args.regenerate:
        with info_path.open(encoding="utf-8") as handle:
            return path, json.load(handle), True
    path.parent.mkdir(parents=True, exist_ok=True)
    info_path.unlink(missing_ok=True)
    print(f"generating {path.name} ...", flush=True)
    before = peak_rss_kb()
    info = generate(
        path,
        regions=args.regions,
        pages=args.pages,
        months=args.months,
        seed=args.seed,
        progress=lambda message: print(f"  {message}", flush=True),
    )
    info.update(
        peak_rss_kb=peak_rss_kb(),
        rss_growth_kb=max(0, peak_rss_kb() - before),
        generated_at=dt.datetime.now().isoformat(timespec="seconds"),
        load_average=_load_average(),
        size_mb=round(path.stat().st_size / 1e6, 1),
    )
    with info_path.open("w", encoding="utf-8") as handle:
        json.dump(info, handle, ensure_ascii=False, indent=1)
    return path, info, False


def generation_result(args: argparse.Namespace, info: dict, reused: bool) -> Result:
    """The generation as the first row of the table."""
    result = Result(
        f"generation ({args.pages:,} pages, {args.regions} regions)",
        GENERATION_TARGET,
        f"≤ {GENERATION_TARGET:.0f} s",
        times=[info["seconds"]],
        cpu_times=[info.get("cpu_seconds", info["seconds"])],
        peak_rss_kb=info.get("peak_rss_kb", 0),
        rss_growth_kb=info.get("rss_growth_kb", 0),
    )
    when = f"cached, measured {info.get('generated_at', '?')}" if reused else "just now"
    load = info.get("load_average")
    result.note = f"{when}; load average then {load}; {info.get('size_mb', '?')} MB; " + ", ".join(
        f"{key} {value:,}" for key, value in info["counts"].items()
    )
    return result


def _load_average() -> str:
    try:
        return "/".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"


def run_in_child(case: Case, args: argparse.Namespace, catalogue: Path, workdir: Path) -> Result:
    """Run one case in a new interpreter and read back its Result."""
    result_file = workdir / "result.json"
    command = [
        sys.executable, "-m", "bench", "--run-case", case.name, "--catalogue", str(catalogue),
        "--workdir", str(workdir), "--result", str(result_file), "--pages", str(args.pages),
        "--regions", str(args.regions), "--months", str(args.months), "--seed", str(args.seed),
        "--cache-dir", str(args.cache_dir),
    ]  # fmt: skip
    if args.repeat:
        command += ["--repeat", str(args.repeat)]
    done = subprocess.run(
        command, cwd=BENCH_DIR.parent, capture_output=True, text=True, check=False
    )
    if result_file.exists():
        with result_file.open(encoding="utf-8") as handle:
            data = json.load(handle)
        for derived in ("median", "min", "verdict"):
            data.pop(derived, None)
        return Result(**data)
    lines = (done.stderr or done.stdout or "no output").strip().splitlines()
    return Result(
        case.name,
        case.target_seconds,
        case.target_label,
        error=f"the case's process ended with status {done.returncode}: {lines[-1]}",
    )


def child_main(args: argparse.Namespace) -> int:
    """Run the one case named by --run-case and write its Result as JSON."""
    cases = [case for case in discover() if case.name == args.run_case]
    if not cases:
        print(f"no case named {args.run_case!r}", file=sys.stderr)
        return 2
    ctx = Context(args.catalogue, args.workdir, args)
    result = run_case(cases[0], ctx, args.repeat)
    with args.result.open("w", encoding="utf-8") as handle:
        json.dump(result.as_json(), handle, ensure_ascii=False)
    sys.stdout.flush()
    from bench import server_paths

    server_paths.stop_servers()  # os._exit skips atexit
    # Leave without tearing down what the case built (a Qt window, open connections).
    os._exit(0)


def main(argv: list[str] | None = None) -> int:
    """Generate or reuse the catalogue, run the cases, print the table."""
    args = _parser().parse_args(argv)
    if args.run_case:
        return child_main(args)
    needles = [needle.casefold() for needle in args.only]
    cases = [c for c in discover() if not needles or any(n in c.name.casefold() for n in needles)]
    if args.list:
        for case in cases:
            print(f"{case.name}  ({case.target_label})")
        return 0
    print(_machine_line(), flush=True)
    started = time.perf_counter()
    compile_sources()
    catalogue, info, reused = ensure_catalogue(args)
    results = [generation_result(args, info, reused)]
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        states: dict[str, dict] = {}
        for case in cases:
            print(f"  {case.name} ...", flush=True)
            if args.in_process:
                # The cases of one module share their state (one window for all GUI cases).
                state = states.setdefault(case.fn.__module__, {})
                ctx = Context(catalogue, workdir, args, state)
                results.append(run_case(case, ctx, args.repeat))
            else:
                case_dir = workdir / f"case{len(results)}"
                case_dir.mkdir()
                results.append(run_in_child(case, args, catalogue, case_dir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(format_table(results))
    print(
        f"\n{catalogue}; load average now {_load_average()}; {time.perf_counter() - started:.0f} s"
    )
    if args.json:
        report = {
            "machine": _machine_line(),
            "catalogue": str(catalogue),
            "generation": info,
            "results": [result.as_json() for result in results],
        }
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(report, handle, ensure_ascii=False, indent=1)
    return 1 if any(result.error for result in results) else 0


def compile_sources() -> None:
    """Compile the editor's modules before anything is timed: an installed editor runs from
    compiled modules (the bundle ships them; a source install writes them on its first run),
    while a shell with PYTHONDONTWRITEBYTECODE would have every timed process compile them
    again, 0.3 s of each import process."""
    compileall.compile_dir(BENCH_DIR.parent / "editor", quiet=1)


def _machine_line() -> str:
    return (
        f"{platform.node()}: {os.cpu_count()} CPUs, load average {_load_average()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


if __name__ == "__main__":
    sys.exit(main())
