"""Canonical page links: one spelling per page, so that duplicates meet (DESIGN §3).

``vk.com/club123``, ``https://m.vk.com/public123/`` and ``http://vkontakte.ru/club123`` all become
``https://vk.com/club123``; ``t.me/Name``, ``telegram.me/name`` and ``@name`` become
``https://t.me/name``. Import these through :mod:`editor.core.normalize`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs

from editor.core.normalize import (
    NETWORK_LABELS,
    NETWORKS,
    NormalizeError,
    parse_network,
)


@dataclass(frozen=True)
class CanonicalUrl:
    """A page link in canonical form, with its network and the network's own page id."""

    network: str
    url: str
    network_id: str | None


_HOSTS: dict[str, str] = {
    "vk.com": "vk",
    "vk.ru": "vk",
    "vkontakte.ru": "vk",
    "ok.ru": "ok",
    "odnoklassniki.ru": "ok",
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.dog": "telegram",
    "max.ru": "max",
    "web.max.ru": "max",
}

_WHITESPACE = re.compile(r"\s")
_URL = re.compile(r"(?:(?P<scheme>[a-z][a-z0-9+.-]*)://)?(?P<rest>.*)", re.IGNORECASE | re.S)
# Underscores are not valid in DNS names but occur in Telegram's username.t.me aliases.
# The top-level label starts with a letter, so that numbers such as «12.5» are not hosts.
_HOST = re.compile(r"(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?\.)+[a-z][a-z0-9-]*[a-z0-9]")
_PORT = re.compile(r":\d{1,5}$")
# What a page path on a known network may contain (no commas, quotes or Cyrillic).
_PAGE_PATH = re.compile(r"[A-Za-z0-9_.~%+=\-/]+")
_VK_GROUP = re.compile(r"(?:club|public|event)0*(\d+)")
_OK_GROUP = re.compile(r"group/?0*(\d+)")
_TG_NAME = re.compile(r"[a-z0-9_]+")
# Links already written in their canonical form, as registries mostly hold them: such a link
# is its own canonical form, so the general parsing below is skipped (imports meet 300,000).
_ALREADY_CANONICAL = re.compile(
    r"https://(?:(vk)\.com/(?!(?:public|event)\d|club0)([a-z0-9_.]+)"
    r"|(t)\.me/[a-z0-9_]+"
    r"|(ok)\.ru/(?!group)[a-z0-9_.]+"
    r"|(max)\.ru/[A-Za-z0-9_.-]+)"
)
_SHORT_NETWORK = {"vk": "vk", "t": "telegram", "ok": "ok", "max": "max"}


class PlaceholderLink(NormalizeError):
    """A network's address with no page in it (`https://vk.com/public`, `t.me/`): a template
    left unfilled in a spreadsheet, which points at nothing."""


# Paths that name a kind of page but no page (lower case; the empty path is one too).
_PLACEHOLDER_PATHS = {
    "vk": frozenset({"public", "club", "event", "id", "groups", "app"}),
    "ok": frozenset({"group", "groups", "profile", "dk"}),
    "telegram": frozenset({"s", "c", "joinchat"}),
    "max": frozenset(),
}
_PLACEHOLDERS = frozenset(
    f"https://{host}/{path}"
    for network, host in (
        ("vk", "vk.com"),
        ("ok", "ok.ru"),
        ("telegram", "t.me"),
        ("max", "max.ru"),
    )
    for path in _PLACEHOLDER_PATHS[network]
)


def _placeholder(value: object) -> PlaceholderLink:
    return PlaceholderLink("ссылка без адреса страницы", field="Ссылка", value=value)


def _garbage(value: object) -> NormalizeError:
    """The error for a value that is not a link at all."""
    shown = str(value).strip()
    if len(shown) > 60:
        shown = shown[:57] + "…"
    return NormalizeError(f"не похоже на ссылку: «{shown}»", field="Ссылка", value=value)


def _bare_host(host: str) -> str:
    """The host without port, trailing dot and the «www.»/«m.» prefixes."""
    host = _PORT.sub("", host.strip().lower().rstrip("."))
    while host.startswith(("www.", "m.")) and host not in _HOSTS:
        host = host.split(".", 1)[1]
    return host


def network_of_host(host: str) -> str | None:
    """The network a host belongs to (vk.com, m.vk.com, www.ok.ru → its code), or None."""
    bare = _bare_host(host)
    if bare.endswith(".t.me") and _TG_NAME.fullmatch(bare.removesuffix(".t.me")):
        # username.t.me is Telegram's own alias of t.me/username.
        return "telegram"
    return _HOSTS.get(bare)


def _stated_network(network: str | None) -> str | None:
    """The stated network as a code; callers may also pass a label such as «ВКонтакте»."""
    if network is None or network in NETWORKS:
        return network
    return parse_network(network)


def canonical_url(value: str, network: str | None = None) -> CanonicalUrl:
    """Canonical form of a page link; the network comes from the host and must match `network`."""
    stated = _stated_network(network)
    if type(value) is str and (quick := _ALREADY_CANONICAL.fullmatch(value)):
        found = _SHORT_NETWORK[quick[1] or quick[3] or quick[4] or quick[5]]
        if stated is None or stated == found:
            if value in _PLACEHOLDERS:
                raise _placeholder(value)
            group = _VK_GROUP.fullmatch(quick[2]) if quick[1] else None
            return CanonicalUrl(found, value, group[1] if group else None)
    text = str(value).strip().strip("<>").strip()
    if not text or _WHITESPACE.search(text):
        raise _garbage(value)
    if text.startswith("@"):
        return _from_mention(value, text[1:], stated)

    match = _URL.fullmatch(text)
    assert match is not None  # every part of the pattern is optional
    if match["scheme"] is not None and match["scheme"].lower() not in ("http", "https"):
        raise _garbage(value)
    rest = match["rest"]
    split = re.search(r"[/?#]", rest)
    host, remainder = (rest[: split.start()], rest[split.start() :]) if split else (rest, "")
    path, _, query = remainder.split("#", 1)[0].partition("?")
    host = _PORT.sub("", host.lower().rstrip("."))
    if not _HOST.fullmatch(host):
        raise _garbage(value)

    found = network_of_host(host)
    if stated is not None and stated != (found or "other"):
        where = NETWORK_LABELS[found] if found else f"сайт {host}"
        raise NormalizeError(
            f"ссылка ведёт на {where}, а указана соцсеть {NETWORK_LABELS[stated]}",
            field="Ссылка",
            value=value,
        )
    path = path.strip("/")
    if found is None:
        return CanonicalUrl("other", f"https://{host}/{path}".rstrip("/"), None)
    bare = _bare_host(host)
    if bare.endswith(".t.me"):
        path = bare.removesuffix(".t.me")
    if found == "ok" and path.lower() in ("", "dk"):
        path = _ok_mobile_group(query) or path
    if not path or path.lower().rstrip("/") in _PLACEHOLDER_PATHS[found]:
        raise _placeholder(value)
    if not _PAGE_PATH.fullmatch(path):
        raise _garbage(value)
    return _BUILDERS[found](path, value)


def _from_mention(value: object, name: str, stated: str | None) -> CanonicalUrl:
    """«@name»: a Telegram channel unless the stated network names another platform."""
    if stated == "other" or not name or not _PAGE_PATH.fullmatch(name) or "/" in name:
        raise _garbage(value)
    return _BUILDERS[stated or "telegram"](name, value)


def _ok_mobile_group(query: str) -> str:
    """m.ok.ru links such as «/dk?st.cmd=altGroupMain&st.groupId=123» name the group in the query."""
    params = {key.lower(): values for key, values in parse_qs(query).items()}
    group_ids = params.get("st.groupid")
    if group_ids and group_ids[0].isdigit():
        return f"group/{group_ids[0]}"
    return ""


def _vk(path: str, value: object) -> CanonicalUrl:
    """VK: club/public/event ids become club<id>; screen names are case-insensitive."""
    path = path.lower()
    if group := _VK_GROUP.fullmatch(path):
        return CanonicalUrl("vk", f"https://vk.com/club{group[1]}", group[1])
    return CanonicalUrl("vk", f"https://vk.com/{path}", None)


def _ok(path: str, value: object) -> CanonicalUrl:
    """OK: group/<id> and group<id> become group/<id> (sub-pages dropped); names lower-case."""
    path = path.lower()
    if group := _OK_GROUP.match(path):
        rest = path[group.end() :]
        if not rest or rest.startswith("/"):
            return CanonicalUrl("ok", f"https://ok.ru/group/{group[1]}", group[1])
    return CanonicalUrl("ok", f"https://ok.ru/{path}", None)


def _telegram(path: str, value: object) -> CanonicalUrl:
    """Telegram: the channel name, lower-case; invite links keep their case."""
    parts = path.split("/")
    if parts[0].lower() == "s" and len(parts) > 1:
        parts = parts[1:]
    first = parts[0]
    if first.startswith("+") or first.lower() == "joinchat":
        return CanonicalUrl("telegram", f"https://t.me/{'/'.join(parts)}", None)
    if first.lower() == "c" and len(parts) > 1:
        return CanonicalUrl("telegram", f"https://t.me/c/{parts[1]}", None)
    name = first.lower()
    if not _TG_NAME.fullmatch(name):
        raise _garbage(value)
    # t.me/name/123 is a post: the page is the channel.
    return CanonicalUrl("telegram", f"https://t.me/{name}", None)


def _max(path: str, value: object) -> CanonicalUrl:
    """MAX: path kept as written, since its page names are case-sensitive."""
    return CanonicalUrl("max", f"https://max.ru/{path}", None)


_BUILDERS: dict[str, Callable[[str, object], CanonicalUrl]] = {
    "vk": _vk,
    "ok": _ok,
    "telegram": _telegram,
    "max": _max,
}
