"""What a benchmark module provides (`Case`), what a case receives (`Context`), how it is timed.

A module ``bench/bench_<topic>.py`` defines ``CASES = [Case(...), ...]``; ``python -m bench``
finds it without any registration. A case's ``fn(ctx)`` is the measured hot path; an optional
``setup(ctx)`` runs once, untimed, before the first run (open the catalogue, build a widget).
``fn`` may return a short text (a count, a cross-check) that the report prints beside the time;
raising (``AssertionError`` for a wrong result) marks the case as failed.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import resource
import shutil
import statistics
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


@dataclass
class Context:
    """What a case works on: the generated catalogue (read-only), a scratch folder, the options."""

    catalogue: Path
    workdir: Path
    args: argparse.Namespace
    state: dict = field(default_factory=dict)  # shared between a case's setup and its runs

    def writable_copy(self, name: str = "catalogue.gpc") -> Path:
        """A private copy of the catalogue in the workdir, for cases that change data."""
        target = self.workdir / name
        if not target.exists():
            shutil.copyfile(self.catalogue, target)
        return target


@dataclass
class Case:
    """One hot path: `fn(ctx)` timed `repeat` times against `target_seconds` (None: report only)."""

    name: str
    target_seconds: float | None
    fn: Callable[[Context], object]
    repeat: int = 5
    target_text: str | None = None
    setup: Callable[[Context], object] | None = None

    @property
    def target_label(self) -> str:
        """The target as the table shows it: «≤ 0.1 s», «≤ 5 ms» or «—»."""
        if self.target_text:
            return self.target_text
        if self.target_seconds is None:
            return "—"
        return f"≤ {format_seconds(self.target_seconds)}"


@dataclass
class Result:
    """The measurements of one case; `error` holds the failure, if any."""

    name: str
    target_seconds: float | None
    target: str
    times: list[float] = field(default_factory=list)
    cpu_times: list[float] = field(default_factory=list)
    peak_rss_kb: int = 0
    rss_growth_kb: int = 0
    note: str = ""
    error: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def best(self) -> float | None:
        return min(self.times) if self.times else None

    @property
    def verdict(self) -> str:
        """ok / over the target / FAIL, judged on the median."""
        if self.error:
            return "FAIL"
        if self.target_seconds is None or self.median is None:
            return ""
        return "ok" if self.median <= self.target_seconds else "over"

    def as_json(self) -> dict:
        """The record written by ``--json``."""
        data = asdict(self)
        data.update(median=self.median, min=self.best, verdict=self.verdict)
        return data


def format_seconds(seconds: float | None) -> str:
    """0.0042 → «4.2 ms», 0.31 → «0.31 s», 52.3 → «52.3 s»."""
    if seconds is None:
        return "—"
    if seconds < 0.1:
        return f"{seconds * 1000:.3g} ms"
    if seconds < 10:
        return f"{seconds:.3g} s"
    return f"{seconds:.1f} s"


def peak_rss_kb() -> int:
    """The process's peak resident set size in KiB.

    Linux's VmHWM first: ``ru_maxrss`` of a child process starts from its parent's size at the
    fork (it survives exec), so a case's process would report the generator's memory. Elsewhere
    ``ru_maxrss`` (KiB on Linux, bytes on macOS).
    """
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def current_rss_kb() -> int:
    """The resident set size now, in KiB (falls back to the peak where /proc is missing)."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
    except OSError:
        return peak_rss_kb()
    return pages * resource.getpagesize() // 1024


def discover(only: str = "") -> list[Case]:
    """Every Case of every ``bench/bench_*.py`` module, in module order; `only` filters by name.

    A module that fails to import becomes one failing case, so the other modules still run.
    """
    cases: list[Case] = []
    for module_info in sorted(pkgutil.iter_modules([str(BENCH_DIR)]), key=lambda m: m.name):
        if not module_info.name.startswith("bench_"):
            continue
        try:
            module = importlib.import_module(f"bench.{module_info.name}")
        except Exception as error:
            cases.append(Case(f"{module_info.name}: import", None, _raiser(error), repeat=1))
            continue
        cases.extend(getattr(module, "CASES", []))
    needle = only.casefold()
    return [case for case in cases if needle in case.name.casefold()]


def _raiser(error: Exception) -> Callable[[Context], object]:
    def fail(ctx: Context) -> object:
        raise error

    return fail


def _cpu_seconds() -> float:
    """CPU time of this process and of the child processes it has waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def run_case(case: Case, ctx: Context, repeat: int | None = None) -> Result:
    """Run setup once, then `fn` `repeat` times; measure wall and CPU time and memory."""
    result = Result(case.name, case.target_seconds, case.target_label)
    try:
        if case.setup is not None:
            case.setup(ctx)
        baseline = current_rss_kb()
        for _ in range(repeat or case.repeat):
            started, cpu_started = time.perf_counter(), _cpu_seconds()
            note = case.fn(ctx)
            result.times.append(time.perf_counter() - started)
            result.cpu_times.append(_cpu_seconds() - cpu_started)
            if isinstance(note, str):
                result.note = note
        result.peak_rss_kb = peak_rss_kb()
        result.rss_growth_kb = max(0, result.peak_rss_kb - baseline)
    except Exception as error:  # a failed case is reported in the table; the others still run
        result.error = f"{type(error).__name__}: {error}"
        result.note = traceback.format_exc(limit=3).strip().splitlines()[-1]
        result.peak_rss_kb = peak_rss_kb()
    return result


def format_table(rows: list[Result]) -> str:
    """The report: one line per case with median, min, CPU, target, verdict and memory."""
    header = ("case", "median", "min", "CPU", "target", "", "peak RSS", "growth")
    lines = [header]
    for row in rows:
        cpu = statistics.median(row.cpu_times) if row.cpu_times else None
        lines.append(
            (
                row.name,
                format_seconds(row.median),
                format_seconds(row.best),
                format_seconds(cpu),
                row.target,
                row.verdict,
                f"{row.peak_rss_kb / 1024:.0f} MB",
                f"+{row.rss_growth_kb / 1024:.0f} MB",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for index, line in enumerate(lines):
        cells = [line[0].ljust(widths[0])] + [
            cell.rjust(width) if i not in (4, 5) else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(line[1:], widths[1:], strict=True), start=1)
        ]
        out.append("  ".join(cells).rstrip())
        if index == 0:
            out.append("-" * len(out[0]))
    notes = [f"  {row.name}: {row.error or row.note}" for row in rows if row.error or row.note]
    if notes:
        out.append("")
        out.extend(notes)
    return "\n".join(out)
