"""The desktop editor's hot paths (bench_gui) on the server copy of the benchmark catalogue.

The window opens the server catalogue by its URL; start-up runs in a fresh process as for a
file. The cases are those of `bench_gui`, given a context whose catalogue is the URL.
"""

from __future__ import annotations

from dataclasses import replace

from bench import bench_gui, server_paths
from bench.framework import Context


def _gui_context(ctx: Context) -> Context:
    """The context the bench_gui functions get: the server's URL for the catalogue, its own
    state (the window lives there)."""
    if "pg_gui" not in ctx.state:
        server_ctx = server_paths.load(ctx)
        ctx.state["pg_gui"] = replace(ctx, catalogue=server_ctx.state["url"], state={})
    return ctx.state["pg_gui"]


def _setup(prepare):
    def setup(ctx: Context) -> None:
        if prepare is not None:
            prepare(_gui_context(ctx))
        else:
            _gui_context(ctx)

    return setup


def _run(path):
    def run(ctx: Context) -> object:
        return path(_gui_context(ctx))

    return run


def paths() -> dict[str, tuple]:
    """Name → (setup, fn) of the GUI paths on the server."""
    return {
        "startup": (_setup(None), _run(bench_gui.startup)),
        "select_root": (_setup(bench_gui.open_window), _run(bench_gui.select_root)),
        "quick_filter": (_setup(bench_gui.reset_filter), _run(bench_gui.quick_filter)),
    }
