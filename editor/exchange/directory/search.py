"""The directory's query engine: how a citizen's words find pages, and in what order.

The published page (``resources/directory/index.html``) runs the same rules in JavaScript, so
that `lookup` (and a bot built on it) answers exactly as the page does:

* text is folded: Unicode NFC, lower case, «ё» as «е»; a word is a run of letters and digits,
  so quotes, dashes and «№» separate words and never have to be typed;
* every query word must occur in one of the page's words (name, short name, page title, the
  names of its territory and of the municipality above it); words go in any order;
* ranking, best first: the whole name typed (tier 0) > every query word begins a word of the
  page (tier 1) > some word only found inside a word (tier 2). Within a tier: more query words
  begin words of the organisation's own names (not only of its territory), then a name that
  begins with the first query word, then the shallower territory, the shorter name, and the
  directory's own order (territory tree, name, network).

Pure functions; no database, no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# A word: letters and digits (``\w`` without the underscore), as /[\p{L}\p{N}]+/u in the page.
_WORD = re.compile(r"[^\W_]+")


def fold(text: object) -> str:
    """NFC, lower case, «ё» → «е»: the page's ``fold`` (String.prototype.toLowerCase)."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", str(text)).lower().replace("ё", "е")


def words(text: object) -> list[str]:
    """The folded words of a text."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True, slots=True)
class Entry:
    """One page as the engine sees it: folded texts and the keys of its ranking.

    The texts are the words joined as « w1 w2 …» (a space before each), so that «a query word
    begins a word» is one substring test for « word» and «occurs inside a word» one for «word»:
    a query word holds no space, hence never spans two words.
    """

    first: str  # the first word of the organisation's full name
    own: str  # full name, short name and page title
    place: str  # territory and the municipality above it
    wholes: frozenset[str]  # full name, short name, title: words joined by one space
    depth: int  # the territory's depth in the tree
    length: int  # of the full name's words joined by one space
    order: int  # position in the directory's own order

    @classmethod
    def of(
        cls,
        name: str,
        short_name: str,
        title: str,
        places: Iterable[str],
        depth: int,
        order: int,
    ) -> Entry:
        """An entry from the page's texts."""
        parts = [words(name), words(short_name), words(title)]
        place_words: list[str] = []
        for place in places:
            place_words.extend(words(place))
        own = [word for part in parts for word in part]
        return cls(
            parts[0][0] if parts[0] else "",
            "".join(" " + word for word in own),
            "".join(" " + word for word in place_words),
            frozenset(" ".join(part) for part in parts if part),
            depth,
            len(" ".join(parts[0])),
            order,
        )


def rank(entry: Entry, query: Sequence[str]) -> tuple[int, ...] | None:
    """The sort key of `entry` for the folded query words (smaller is better); None: no match."""
    if not query:
        return None
    named = 0  # query words that begin a word of the organisation's own names
    prefixed = 0  # query words that begin any word of the page
    for word in query:
        spaced = " " + word
        if spaced in entry.own:
            named += 1
            prefixed += 1
        elif spaced in entry.place:
            prefixed += 1
        elif word not in entry.own and word not in entry.place:
            return None
    if " ".join(query) in entry.wholes:
        tier = 0
    elif prefixed == len(query):
        tier = 1
    else:
        tier = 2
    first = 0 if entry.first.startswith(query[0]) and entry.first else 1
    return (tier, -named, first, entry.depth, entry.length, entry.order)


def query_words(text: str | Sequence[str]) -> list[str]:
    """The folded words of a query (a string, or the words of a command line)."""
    if not isinstance(text, str):
        text = " ".join(text)
    return words(text)


def search(
    entries: Sequence[Entry], text: str | Sequence[str], limit: int | None = None
) -> list[int]:
    """Indexes of the matching entries, best first, at most `limit` of them."""
    query = query_words(text)
    if not query:
        return []
    scored = []
    for index, entry in enumerate(entries):
        key = rank(entry, query)
        if key is not None:
            scored.append((key, index))
    scored.sort()
    if limit is not None:
        scored = scored[:limit]
    return [index for _, index in scored]
