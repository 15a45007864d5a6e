"""Canonical page links: every spelling of one page gives one URL, garbage is refused."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.normalize import NormalizeError
from editor.core.urls import CanonicalUrl, PlaceholderLink, canonical_url, network_of_host

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.mark.parametrize(
    ("value", "network", "url", "network_id"),
    [
        # VK: numeric groups become club<id>; screen names lower-case; people kept.
        ("vk.com/club123", "vk", "https://vk.com/club123", "123"),
        ("https://m.vk.com/club123/", "vk", "https://vk.com/club123", "123"),
        ("http://vkontakte.ru/club123", "vk", "https://vk.com/club123", "123"),
        ("vk.com/public123", "vk", "https://vk.com/club123", "123"),
        ("https://vk.com/event123", "vk", "https://vk.com/club123", "123"),
        ("https://www.vk.com/club123?w=wall-123_45#top", "vk", "https://vk.com/club123", "123"),
        ("HTTPS://VK.COM/CLUB123", "vk", "https://vk.com/club123", "123"),
        ("vk.ru/club123", "vk", "https://vk.com/club123", "123"),
        ("vk.com:443/club123", "vk", "https://vk.com/club123", "123"),
        ("vk.com/School5_Kurgan", "vk", "https://vk.com/school5_kurgan", None),
        ("vk.com/sel.sapr", "vk", "https://vk.com/sel.sapr", None),
        ("vk.com/id123", "vk", "https://vk.com/id123", None),
        ("  <https://vk.com/club5>  ", "vk", "https://vk.com/club5", "5"),
        # OK: group/<id> and group<id>; names lower-case.
        ("ok.ru/group/123", "ok", "https://ok.ru/group/123", "123"),
        ("ok.ru/group123", "ok", "https://ok.ru/group/123", "123"),
        ("https://m.ok.ru/group/123/topics", "ok", "https://ok.ru/group/123", "123"),
        ("www.odnoklassniki.ru/group/123/", "ok", "https://ok.ru/group/123", "123"),
        ("https://m.ok.ru/dk?st.cmd=altGroupMain&st.groupId=123", "ok", "https://ok.ru/group/123",
         "123"),
        ("ok.ru/KurganObl", "ok", "https://ok.ru/kurganobl", None),
        # Telegram: one name, case-insensitive; invites keep their case.
        ("t.me/Name_1", "telegram", "https://t.me/name_1", None),
        ("telegram.me/name_1", "telegram", "https://t.me/name_1", None),
        ("https://t.me/s/Name_1", "telegram", "https://t.me/name_1", None),
        ("https://t.me/name_1/345", "telegram", "https://t.me/name_1", None),
        ("@Name_1", "telegram", "https://t.me/name_1", None),
        ("name_1.t.me", "telegram", "https://t.me/name_1", None),
        ("t.me/+AbCdEf", "telegram", "https://t.me/+AbCdEf", None),
        ("https://t.me/joinchat/AbCdEf", "telegram", "https://t.me/joinchat/AbCdEf", None),
        # MAX: path case kept.
        ("https://max.ru/Kurgan_Obl", "max", "https://max.ru/Kurgan_Obl", None),
        ("web.max.ru/Kurgan_Obl/", "max", "https://max.ru/Kurgan_Obl", None),
        # Other sites: host lower-case, path as written, no query.
        ("http://WWW.Kurgan-School5.RU/News/?page=2", "other", "https://www.kurgan-school5.ru/News",
         None),
        ("school5.ru", "other", "https://school5.ru", None),
        ("school5.ru/", "other", "https://school5.ru", None),
    ],
)  # fmt: skip
def test_canonical_url(value, network, url, network_id):
    assert canonical_url(value) == CanonicalUrl(network, url, network_id)


@pytest.mark.parametrize(
    ("value", "network", "url"),
    [
        ("@Kurgan_Obl", "max", "https://max.ru/Kurgan_Obl"),
        ("@Name_1", "telegram", "https://t.me/name_1"),
        ("@School5", "vk", "https://vk.com/school5"),
        ("vk.com/club1", "ВКонтакте", "https://vk.com/club1"),  # a label is accepted too
        ("t.me/name_1", "Телеграм", "https://t.me/name_1"),
    ],
)
def test_stated_network(value, network, url):
    assert canonical_url(value, network).url == url


@pytest.mark.parametrize(
    ("value", "network", "message"),
    [
        ("vk.com/club1", "ok", "ссылка ведёт на ВКонтакте, а указана соцсеть Одноклассники"),
        ("https://t.me/name", "vk", "ссылка ведёт на Telegram, а указана соцсеть ВКонтакте"),
        ("school5.ru/news", "vk", "ссылка ведёт на сайт school5.ru, а указана соцсеть ВКонтакте"),
        ("ok.ru/group/1", "other", "ссылка ведёт на Одноклассники, а указана соцсеть Другая"),
    ],
)
def test_contradicting_network_is_an_error(value, network, message):
    with pytest.raises(NormalizeError) as caught:
        canonical_url(value, network)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "value",
    [
        "0",
        "-",
        "нет",
        "",
        "   ",
        "ссылка на группу",
        "vk.com/club1 vk.com/club2",
        "https://",
        "@",
        "ftp://vk.com/club1",
        "javascript:alert(1)",
        "президент.рф/news",
        "vk.com/школа5",
        "t.me/name,other",
        "user@vk.com/club1",
        "12.5",
        "1.0",
        "192.168.0.1/page",
    ],
)
def test_garbage_is_refused(value):
    with pytest.raises(NormalizeError, match=r"^не похоже на ссылку: «"):
        canonical_url(value)


@pytest.mark.parametrize(
    ("host", "network"),
    [
        ("vk.com", "vk"),
        ("M.VK.COM", "vk"),
        ("www.vk.com", "vk"),
        ("vkontakte.ru", "vk"),
        ("ok.ru", "ok"),
        ("m.ok.ru", "ok"),
        ("www.odnoklassniki.ru", "ok"),
        ("t.me", "telegram"),
        ("telegram.me", "telegram"),
        ("max.ru", "max"),
        ("web.max.ru", "max"),
        ("school5.ru", None),
        ("notvk.com", None),
        ("vk.com.example.org", None),
    ],
)
def test_network_of_host(host, network):
    assert network_of_host(host) == network


# ---------------------------------------------------------------- properties

_NAME = st.from_regex(r"[a-z][a-z0-9_]{3,20}", fullmatch=True)
_GROUP_ID = st.integers(min_value=1, max_value=10**10)


@st.composite
def _page(draw) -> tuple[str, str]:
    """A page as (host, path) on VK, OK or Telegram, spelled in its canonical case."""
    kind = draw(st.sampled_from(["vk_group", "vk_name", "ok_group", "ok_name", "tg"]))
    if kind == "vk_group":
        prefix = draw(st.sampled_from(["club", "public", "event"]))
        return draw(
            st.sampled_from(["vk.com", "vk.ru", "vkontakte.ru"])
        ), f"{prefix}{draw(_GROUP_ID)}"
    if kind == "vk_name":
        name = draw(_NAME.filter(lambda n: not re.fullmatch(r"(club|public|event)\d+", n)))
        return draw(st.sampled_from(["vk.com", "vk.ru"])), name
    if kind == "ok_group":
        spelling = draw(st.sampled_from(["group/{}", "group{}"]))
        return draw(st.sampled_from(["ok.ru", "odnoklassniki.ru"])), spelling.format(
            draw(_GROUP_ID)
        )
    if kind == "ok_name":
        name = draw(_NAME.filter(lambda n: not n.startswith("group")))
        return "ok.ru", name
    return draw(st.sampled_from(["t.me", "telegram.me"])), draw(_NAME)


def _random_case(draw, text: str) -> str:
    """The same text with a random letter case per character."""
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(ch.upper() if flip else ch for ch, flip in zip(text, flips, strict=True))


@st.composite
def _spelling(draw, page: tuple[str, str]) -> str:
    """One of the many ways a user may write the same page link."""
    host, path = page
    scheme = draw(st.sampled_from(["", "http://", "https://", "HTTPS://"]))
    sub = draw(st.sampled_from(["", "www.", "m."]))
    slash = draw(st.sampled_from(["", "/"]))
    query = draw(st.sampled_from(["", "?from=search", "?w=wall-1_2&z=3", "#section", "?a=1#b"]))
    spaces = draw(st.sampled_from(["", " ", "\xa0", "\t"]))
    text = f"{scheme}{_random_case(draw, sub + host)}/{_random_case(draw, path)}{slash}{query}"
    return f"{spaces}{text}{spaces}"


@given(st.data())
def test_equivalent_spellings_meet(data):
    page = data.draw(_page())
    first = canonical_url(data.draw(_spelling(page)))
    second = canonical_url(data.draw(_spelling(page)))
    assert first == second


@given(st.data())
def test_canonical_form_is_idempotent(data):
    canonical = canonical_url(data.draw(_spelling(data.draw(_page()))))
    again = canonical_url(canonical.url)
    assert again == canonical
    assert canonical_url(canonical.url, canonical.network) == canonical


@given(_NAME, st.sampled_from(["t.me/{}", "telegram.me/{}", "t.me/s/{}", "@{}", "{}.t.me"]))
def test_telegram_spellings_meet(name, template):
    assert canonical_url(template.format(name.upper())).url == f"https://t.me/{name}"


@given(
    st.from_regex(r"[a-z0-9]{1,12}(-[a-z0-9]{1,8})?\.(ru|рф|com|org)", fullmatch=True),
    st.from_regex(r"(/[A-Za-z0-9_~-]{1,10}){0,3}", fullmatch=True),
)
def test_other_sites_are_idempotent(host, path):
    if not host.isascii():
        with pytest.raises(NormalizeError):
            canonical_url(host + path)
        return
    canonical = canonical_url(f"http://{host.upper()}{path}/?q=1")
    assert canonical.network == "other"
    assert canonical_url(canonical.url) == canonical


# ---------------------------------------------------------------- real registry


def test_real_registry_links(amur_links):
    canonical = {}
    for url, channel_id in amur_links:
        if url == "0":  # the registry's placeholder for «no page»
            with pytest.raises(NormalizeError):
                canonical_url(url)
            continue
        if url == "https://vk.com/public":  # a template left unfilled: no page either
            with pytest.raises(PlaceholderLink):
                canonical_url(url)
            continue
        page = canonical_url(url, "vk")
        canonical[url] = page
        assert page.url == re.sub(r"/public(?=\d)", "/club", url.lower())
        if page.network_id is not None and channel_id:
            assert page.network_id == str(channel_id)
    assert len(canonical) > 800
    assert sum(page.network_id is not None for page in canonical.values()) > 800


@pytest.fixture(scope="module")
def amur_links():
    path = DATA / "amur_registry_2024.json"
    if not path.exists():
        pytest.skip("no shared data folder")
    with path.open(encoding="utf-8") as handle:
        rows = json.load(handle)
    return [(row["url"], row["channel_id"]) for row in rows if row["url"] is not None]


_CANONICAL_LOOKING = st.builds(
    lambda host, path: f"https://{host}/{path}",
    st.sampled_from(["vk.com", "t.me", "ok.ru", "max.ru"]),
    st.one_of(
        st.from_regex(r"(club|public|event|group|id)0?[0-9]{0,4}", fullmatch=True),
        st.from_regex(r"[A-Za-z0-9_.\-]{1,12}", fullmatch=True),
        st.from_regex(r"group/[0-9]{1,4}", fullmatch=True),
    ),
)


@given(_CANONICAL_LOOKING, st.sampled_from([None, "vk", "ok", "telegram", "max", "other"]))
def test_links_already_canonical_take_the_short_way_to_the_same_answer(text, network):
    """The shortcut for links already in canonical form agrees with the general parsing."""
    from editor.core import urls

    def outcome() -> object:
        try:
            return canonical_url(text, network)
        except NormalizeError as error:
            return str(error)

    quick = outcome()
    saved = urls._ALREADY_CANONICAL
    urls._ALREADY_CANONICAL = re.compile(r"(?!)")
    try:
        general = outcome()
    finally:
        urls._ALREADY_CANONICAL = saved
    assert quick == general


@pytest.mark.parametrize(
    "value",
    [
        "https://vk.com/public",
        "vk.com/club",
        "http://vk.com/club/",
        "https://m.vk.com/event",
        "https://vk.com/",
        "vk.com",
        "https://ok.ru/group",
        "ok.ru/group/",
        "https://ok.ru/",
        "t.me/",
        "https://t.me/s",
        "https://max.ru/",
    ],
)
def test_a_template_link_with_no_page_is_a_placeholder(value):
    with pytest.raises(PlaceholderLink, match="ссылка без адреса страницы"):
        canonical_url(value)


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("https://vk.com/public1", "https://vk.com/club1"),
        ("https://vk.com/publicity", "https://vk.com/publicity"),
        ("https://ok.ru/group/57", "https://ok.ru/group/57"),
        ("t.me/s/channel", "https://t.me/channel"),
    ],
)
def test_real_pages_that_start_like_a_placeholder_stay_pages(value, url):
    assert canonical_url(value).url == url
