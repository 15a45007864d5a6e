"""A catalogue for the directory tests: the Kurgan sample plus what the public must never see
(a responsible person's name, phone and e-mail, a trainee, a trashed page) and hostile input
(an organisation named like an HTML tag, a ``javascript:`` link)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor.core import records
from editor.db.models import Page, db
from tests.sample_catalogue import Sample, build_sample

ADMIN = "Администрация Кетовского муниципального округа"
HOSTILE = "<img src=x onerror=alert(1)>"
PERSON = "Петрова Анна Сергеевна"
PHONE = "+7 912 555-44-33"
EMAIL = "petrova.secret@example.ru"
POSITION = "ведущий специалист по связям"
SCRIPT_URL = "javascript:alert(document.domain)"
TRASHED = "Закрытый музей тайн"


@dataclass
class DirectorySample:
    """Ids of the sample and of the extra records."""

    base: Sample
    admin: int
    hostile: int
    scripted: int


def build_directory_sample(path: Path) -> DirectorySample:
    """Create the catalogue at `path` (left open)."""
    base = build_sample(path)
    admin = records.create_organization(
        base.ketovo,
        {
            "full_name": ADMIN,
            "short_name": "Администрация округа",
            "responsible": PERSON,
            "responsible_position": POSITION,
            "responsible_phone": PHONE,
            "responsible_email": EMAIL,
            "notes": f"звонить {PERSON}, {PHONE}",
        },
    )
    records.create_page(admin.id, {"network": "vk", "url": "https://vk.com/ketovo_adm"})
    records.create_page(admin.id, {"network": "telegram", "url": "https://t.me/ketovo_adm"})
    # Neighbours that share words with the administration, to make the ranking work.
    for name in (
        "Финансовый отдел Администрации Кетовского муниципального округа",
        "Кетовский районный дом культуры",
    ):
        org = records.create_organization(base.ketovo, {"full_name": name, "responsible": PERSON})
        records.create_page(org.id, {"network": "vk", "url": f"https://vk.com/ket{org.id}"})
    hostile = records.create_organization(
        base.kurgan, {"full_name": HOSTILE, "short_name": "</script><script>alert(2)</script>"}
    )
    records.create_page(hostile.id, {"network": "vk", "url": "https://vk.com/hostile_page"})
    scripted = records.create_organization(base.kurgan, {"full_name": "Музей с опасной ссылкой"})
    page = records.create_page(
        scripted.id, {"network": "other", "url": "https://example.org/museum"}
    )
    with db.atomic():  # what no import would accept, as if written by another tool
        Page.update(url=SCRIPT_URL).where(Page.id == page.id).execute()
    closed = records.create_organization(base.kurgan, {"full_name": TRASHED})
    gone = records.create_page(closed.id, {"network": "vk", "url": "https://vk.com/closed_museum"})
    records.delete_pages([gone.id])
    return DirectorySample(base, admin.id, hostile.id, scripted.id)


def directory_pages(data: dict) -> list[dict]:
    """The pages of a directory.json as objects, read as its "fields" declare (as a bot
    would): the organisation and the territory of each page resolved from their indexes."""
    fields = data["fields"]
    organizations = [
        dict(zip(fields["organizations"], row, strict=True)) for row in data["organizations"]
    ]
    pages = []
    for row in data["pages"]:
        page = dict(zip(fields["pages"], row, strict=True))
        page["organization"] = organizations[page["organization"]]
        page["territory"] = data["territories"][page["territory"]]
        pages.append(page)
    return pages
