"""What the editor's first start needs to know: whether the catalogue holds pages yet, and the
subjects of Russia to choose the home region from."""

from __future__ import annotations

from editor.db.models import LEVEL_INDEX, Page, Territory


def has_pages() -> bool:
    """Whether the catalogue holds any page (the trash included: it is not empty then)."""
    return Page.select(Page.id).limit(1).exists()


def regions() -> list[tuple[int, str, str]]:
    """The subjects of Russia as (id, name, ОКТМО), by name."""
    query = (
        Territory.select(Territory.id, Territory.name, Territory.oktmo)
        .where(Territory.level == LEVEL_INDEX["region"])
        .order_by(Territory.name)
        .tuples()
    )
    return [(tid, name, code or "") for tid, name, code in query]


def region_by_code(code: str) -> int | None:
    """The id of the subject with this ОКТМО code, or None."""
    found = Territory.get_or_none(
        (Territory.oktmo == code) & (Territory.level == LEVEL_INDEX["region"])
    )
    return found.id if found is not None else None
