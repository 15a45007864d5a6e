"""Finding the header row of a spreadsheet among title rows, and rows that only look like data.

The header is the row whose cells name the most catalogue fields (at least two, among them the
organisation or the link); a neighbouring row completes it when the header spans two rows
(a vertically merged «Организация» above, or column names under a merged group header).
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.exchange.columns import field_of_header, map_headers


def flat(value: object) -> str:
    """A cell as header text: one line, single spaces."""
    if value is None:
        return ""
    return " ".join(str(value).split())


@dataclass
class Header:
    """The header found on a sheet: its texts and mapping, rows, and the title lines above."""

    score: int
    headers: list[str]
    mapping: dict[int, str]
    first: int  # sheet row of the best-scoring row
    last: int  # last row of the header block (the row below may belong to it)
    titles: list[str]


def _score(mapping: dict[int, str]) -> int:
    fields = set(mapping.values())
    if len(fields) >= 2 and ("organization" in fields or "url" in fields):
        return len(fields)
    return 0


def _is_subheader(texts: list[str]) -> bool:
    """A row of column names under a group header: most of its cells are known headers."""
    filled = [text for text in texts if text]
    known = sum(field_of_header(text) is not None for text in filled)
    return known >= 2 and known * 2 >= len(filled)


def _complete(texts: list[str], other: list[str], overrides, replace_unknown: bool) -> list[str]:
    """Fill header cells from a neighbouring header row where that names more fields."""
    texts = list(texts)
    texts += [""] * (len(other) - len(texts))
    for index, text in enumerate(other):
        if not text or text == texts[index]:
            continue
        if texts[index] and not (replace_unknown and field_of_header(texts[index]) is None):
            continue
        trial = [*texts[:index], text, *texts[index + 1 :]]
        if len(set(map_headers(trial, overrides).values())) > len(
            set(map_headers(texts, overrides).values())
        ):
            texts = trial
    return texts


def find_header(scanned: list[tuple[int, list[object]]], overrides) -> Header | None:
    """The best header among the scanned (row number, cells) pairs, or None."""
    rows = [(number, [flat(v) for v in cells]) for number, cells in scanned]
    best, best_score = -1, 0
    for index, (_number, texts) in enumerate(rows):
        score = _score(map_headers(texts, overrides))
        if score > best_score:
            best, best_score = index, score
    if best < 0:
        return None
    first, texts = rows[best]
    last = first
    titles_end = best
    # Two-row headers: a vertically merged «Организация» sits in the row above the column names,
    # or the column names sit in the row below a group header.
    if best > 0 and rows[best - 1][0] == first - 1:
        completed = _complete(texts, rows[best - 1][1], overrides, replace_unknown=False)
        if completed != texts:
            texts, titles_end = completed, best - 1
    if best + 1 < len(rows) and rows[best + 1][0] == first + 1 and _is_subheader(rows[best + 1][1]):
        texts = _complete(texts, rows[best + 1][1], overrides, replace_unknown=True)
        last = first + 1
    while texts and not texts[-1]:
        texts.pop()
    mapping = map_headers(texts, overrides)
    titles = [" ".join(t for t in row if t) for _, row in rows[:titles_end] if any(row)]
    return Header(_score(mapping), texts, mapping, first, last, titles)


def is_numbering(cells: list[object]) -> bool:
    """The row of column numbers (1, 2, 3 …) Russian forms put under the header."""
    filled = [v for v in cells if v is not None]
    if len(filled) < 3:
        return False
    numbers = []
    for value in filled:
        if isinstance(value, str) and value.isdigit():
            value = int(value)
        if type(value) is not int:
            return False
        numbers.append(value)
    return numbers == list(range(1, len(numbers) + 1))
