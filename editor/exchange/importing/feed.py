"""Parsed rows of one import file, read and cleaned in a second process for big spreadsheets.

Reading a sheet (inflating and scanning its XML) and cleaning every cell is half of an import's
work and needs nothing from the catalogue, while matching and writing need the catalogue
connection. For a big spreadsheet a reader process therefore opens the same file again, parses
its rows chunk by chunk and sends them through a pipe, and the importing process matches and
writes the previous chunk meanwhile: two cores instead of one. Small files, CSV files and other
catalogues are parsed in the importing process, where a second process would cost more than it
saves.

The reader process only reads the file. It stops when the importing process stops reading (a
cancel, an error, a killed process closes the pipe), and it is terminated when the iteration
ends early. An error while reading comes back as the same exception with the same message.
"""

from __future__ import annotations

import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

from editor.core.gc_pause import paused_collection
from editor.exchange.importing.rows import ParsedRow, RowParser

# Below this many data rows the parsing stays in the importing process (starting the reader
# process costs ~0.3 s).
PARALLEL_ROWS = 20_000
# Parsed chunks the reader may be ahead of the importer (bounds the memory held in between).
AHEAD_CHUNKS = 8
# "0" keeps every import in one process; "always" reads even a small file in a reader process
# (the tests use it to kill an import that reads that way).
PARALLEL_ENV = "GOSPABLIKI_IMPORT_PARALLEL"

_ROWS, _DONE, _FAILED = "rows", "done", "failed"
_FRAME = struct.Struct("<Q")  # the length of each pickled message on the reader's output

# What the last reader process reported when it finished: its CPU seconds and peak memory
# (the benchmark adds them to the import's own).
last_reader: dict[str, float] = {}


def parsed_chunks(
    path: Path,
    kind: str,
    table: object,
    parser: RowParser,
    spheres: Mapping[str, int],
    overrides: Mapping[str, str] | None,
    chunk_rows: int,
) -> ParsedChunks:
    """The parsed rows of an opened table, `chunk_rows` at a time, in file order. A reader
    process, where one is used, starts at once: it reads while the caller gets ready."""
    reader = None
    if kind == "xlsx" and _parallel(table):
        reader = _ReaderProcess(path, table, spheres, overrides, chunk_rows)
    return ParsedChunks(reader, table, parser, chunk_rows)


class ParsedChunks:
    """An iterator of parsed chunks; close() stops its reader process, started or not."""

    def __init__(
        self, reader: _ReaderProcess | None, table: object, parser: RowParser, chunk_rows: int
    ) -> None:
        self._reader = reader
        self._chunks = self._generate(table, parser, chunk_rows)

    def __iter__(self) -> ParsedChunks:
        return self

    def __next__(self) -> list[ParsedRow]:
        return next(self._chunks)

    def close(self) -> None:
        """Stop reading (at once, also mid-file on cancel or error)."""
        self._chunks.close()
        if self._reader is not None:
            self._reader.close()

    def _generate(
        self, table: object, parser: RowParser, chunk_rows: int
    ) -> Iterator[list[ParsedRow]]:
        reader = self._reader
        if reader is not None:
            try:
                first = reader.first()
                if first is not None:
                    yield from reader.chunks(first)
                    return
            finally:
                reader.close()
            # The reader process could not start (no rows were read): parse here instead.
        yield from _parse(table, parser, chunk_rows)


def _parse(
    table: object, parser: RowParser, chunk_rows: int, *, keep_cells: bool = True
) -> Iterator[list[ParsedRow]]:
    """Parse the table's rows in chunks; without `keep_cells` only rejected rows keep theirs
    (the errors file reads any it lacks again), so that rows travel at two thirds the size."""
    chunk: list[ParsedRow] = []
    for row, cells in table.rows():  # type: ignore[attr-defined]
        parsed = parser.parse(row, cells)
        if not keep_cells and not parsed.problems:
            parsed.cells = None  # type: ignore[assignment]
        chunk.append(parsed)
        if len(chunk) >= chunk_rows:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parallel(table: object) -> bool:
    setting = os.environ.get(PARALLEL_ENV, "1")
    if setting == "always":
        return True
    if setting == "0" or (os.cpu_count() or 1) < 2:
        return False
    return (getattr(table, "estimated_rows", None) or 0) >= PARALLEL_ROWS


class _ReaderProcess:
    """The reader process of one file and the thread that receives its chunks."""

    def __init__(
        self,
        path: Path,
        table: object,
        spheres: Mapping[str, int],
        overrides: Mapping[str, str] | None,
        chunk_rows: int,
    ) -> None:
        from editor.core.i18n import current_language

        self.path = path
        self.finished = False
        self.waited = 0.0  # seconds the importer waited for the next chunk
        self.inbox: queue.Queue[bytes | None] = queue.Queue(maxsize=AHEAD_CHUNKS)
        self.stop = threading.Event()
        self.pump: threading.Thread | None = None
        job = {
            "path": str(path),
            "expected": (table.sheet, list(table.headers), dict(table.mapping)),  # type: ignore[attr-defined]
            "overrides": dict(overrides) if overrides else None,
            "spheres": dict(spheres),
            "engine": (getattr(table, "bulk_engine", "") or getattr(table, "engine", "") or "auto"),
            "chunk_rows": chunk_rows,
            "language": current_language(),
        }
        # A fresh interpreter running this module (not multiprocessing, which would re-run the
        # caller's main script): it needs only the package on its path.
        root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (root, env.get("PYTHONPATH"))))
        try:
            self.process: subprocess.Popen | None = subprocess.Popen(
                [sys.executable, "-m", __name__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
            )
        except OSError:
            self.process = None
            return
        try:
            pickle.dump(job, self.process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.process.stdin.close()  # type: ignore[union-attr]
        except OSError:
            pass  # the process died at once: first() sees the end of its output
        # Receiving in a thread lets the reader run ahead while this process writes; the
        # unpickling stays in the importing thread.
        self.pump = threading.Thread(target=self._pump, name="import-reader-pipe", daemon=True)
        self.pump.start()

    def _pump(self) -> None:
        stream = self.process.stdout  # type: ignore[union-attr]
        try:
            while not self.stop.is_set():
                head = stream.read(_FRAME.size)
                if len(head) < _FRAME.size:
                    break
                (size,) = _FRAME.unpack(head)
                data = stream.read(size)
                if len(data) < size:
                    break
                self.inbox.put(data)
        except (OSError, ValueError):
            pass
        finally:
            self.inbox.put(None)

    def first(self) -> tuple[str, object] | None:
        """The first message, or None when the process ended before sending anything."""
        if self.process is None:
            return None
        data = self.inbox.get()
        return None if data is None else pickle.loads(data)

    def chunks(self, message: tuple[str, object]) -> Iterator[list[ParsedRow]]:
        """The chunks, from the first message on; the reader's error is raised here."""
        while True:
            tag, payload = message
            if tag == _ROWS:
                yield payload  # type: ignore[misc]
            elif tag == _DONE:
                self.finished = True
                last_reader.clear()
                last_reader.update(payload)  # type: ignore[arg-type]
                last_reader["waited_seconds"] = self.waited
                return
            else:
                raise payload  # type: ignore[misc]
            started = time.perf_counter()
            data = self.inbox.get()
            self.waited += time.perf_counter() - started
            if data is None:
                raise self._lost()
            message = pickle.loads(data)

    def _lost(self) -> Exception:
        from editor.core.i18n import tr
        from editor.exchange.spreadsheet.reader import ReadError

        code = self.process.wait(5)  # type: ignore[union-attr]
        return ReadError(
            tr("{file}: чтение файла прервано (код {code})", "import").format(
                file=self.path.name, code=code
            ),
            path=self.path,
        )

    def close(self) -> None:
        """Stop the reader (if it is still reading) and the receiving thread; once."""
        if self.stop.is_set():
            return
        self.stop.set()
        if self.process is None:
            return
        if not self.finished and self.process.poll() is None:
            self.process.kill()
        if self.pump is not None:
            while self.pump.is_alive():  # it may wait for room in the queue
                try:
                    self.inbox.get_nowait()
                except queue.Empty:
                    self.pump.join(0.05)
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()  # type: ignore[union-attr]


def _read(job: dict, output) -> None:
    """The reader process: open the file as the importer did and send its parsed rows."""
    from editor.core.i18n import install_language, tr
    from editor.exchange.spreadsheet.reader import ReadError, open_table

    install_language(job["language"])

    def send(message: tuple[str, object]) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        output.write(_FRAME.pack(len(data)))
        output.write(data)
        output.flush()

    path = Path(job["path"])
    expected = job["expected"]
    try:
        sheet, headers, mapping = expected
        with open_table(
            path, sheet=sheet, overrides=job["overrides"], engine=job["engine"]
        ) as table:
            if (table.sheet, list(table.headers), dict(table.mapping)) != expected:
                raise ReadError(
                    tr("{file}: файл изменился во время импорта", "import").format(file=path.name),
                    path=path,
                )
            parser = RowParser(headers, mapping, job["spheres"])
            with paused_collection() as collection:
                for chunk in _parse(table, parser, job["chunk_rows"], keep_cells=False):
                    send((_ROWS, chunk))
                    collection.tick()
        send((_DONE, {"cpu_seconds": time.process_time(), "peak_rss_kb": _peak_rss_kb()}))
    except (BrokenPipeError, ConnectionResetError):
        return  # the importer stopped reading
    except Exception as error:  # noqa: BLE001 - every failure goes back to the importer
        try:
            pickle.dumps(error)
        except Exception:  # noqa: BLE001 - an exception that cannot travel goes as its text
            error = RuntimeError(str(error))
        try:
            send((_FAILED, error))
        except (BrokenPipeError, ConnectionResetError):
            return


def _peak_rss_kb() -> int:
    """This process's peak resident memory in KiB (0 where /proc is missing)."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    # The frames own the real standard output; anything else printed goes to standard error.
    frames = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    _read(pickle.load(sys.stdin.buffer), frames)
