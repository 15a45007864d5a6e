"""The writes an import plans for a chunk: new and changed organisations, pages and counts.

They go to the batch writer and into the chunk cache at once, so that later rows of the same
chunk (and the marks of later chunks) see them. The planner (`plan.Planner`) decides; these
methods carry the decision out.
"""

from __future__ import annotations

import datetime as dt

from editor.core.fields import ORGANIZATION_FIELD, PAGE_FIELD
from editor.exchange.importing.apply import BatchWriter
from editor.exchange.importing.lookup import ChunkCache
from editor.exchange.importing.report import Diff, ImportReport
from editor.exchange.importing.rows import ParsedRow, page_search_key

_ORG_DEFAULTS: dict[str, object] = {
    name: ("" if spec.kind == "text" else None) for name, spec in ORGANIZATION_FIELD.items()
}
_PAGE_DEFAULTS: dict[str, object] = {
    name: ("" if spec.kind in ("text", "url") else None) for name, spec in PAGE_FIELD.items()
}
_PAGE_DEFAULTS["network_id"] = None  # a nullable column, as records.create_page leaves it


def _ogrn(parsed: ParsedRow) -> tuple[object, ...]:
    ogrn = parsed.org.get("ogrn")
    return (ogrn,) if ogrn else ()


class ChunkWrites(ChunkCache):
    """The chunk cache plus the writes that keep it current (the planner's base)."""

    writer: BatchWriter
    report: ImportReport
    today: dt.date

    # --- writes --------------------------------------------------------------------------

    def _create_org(self, parsed: ParsedRow, territory_id: int, source: str) -> int:
        values = dict(_ORG_DEFAULTS)
        values.update(parsed.org)
        values["territory"] = territory_id
        values["name_key"] = parsed.org_key
        self.touched.update(filter(None, (parsed.org_key, values["ogrn"])))
        org_id = self.writer.new_organization(values, source)
        values["id"] = org_id
        self._add_org(values)
        if self.known is not None:  # later chunks look it up
            if values["ogrn"]:
                self.known.ogrn.add(values["ogrn"])  # type: ignore[arg-type]
            self.known.name.add(parsed.org_key)
        self.report.new_organizations += 1
        return org_id

    def _apply_org(
        self, org_id: int, parsed: ParsedRow, territory_id: int, diffs: list[Diff]
    ) -> None:
        record = self.orgs[org_id]
        if diffs:
            self.touched.update(
                filter(None, (record["name_key"], record["ogrn"], parsed.org_key, *_ogrn(parsed)))
            )
        for diff in diffs:
            name = diff.field
            new = territory_id if name == "territory" else parsed.org[name]
            self.writer.update("organization", org_id, name, record[name], new)
            record[name] = new
            if self.known is not None and name == "ogrn":
                self.known.ogrn.add(new)  # type: ignore[arg-type]
            if name == "full_name":
                # Later rows of this chunk find it by its new name only, as later chunks do.
                named = self.by_name.get(record["name_key"])  # type: ignore[arg-type]
                if named and org_id in named:
                    named.remove(org_id)
                self.by_name[parsed.org_key].append(org_id)
                record["name_key"] = parsed.org_key
                if self.known is not None:
                    self.known.name.add(parsed.org_key)
                self.writer.update(
                    "organization", org_id, "name_key", None, parsed.org_key, logged=False
                )
            if name == "territory":
                for page in self.pages.values():
                    if page["organization"] == org_id:
                        page["territory"] = territory_id

    def _create_page(
        self, org_id: int, parsed: ParsedRow, source: str, file_date: dt.date | None
    ) -> int:
        org = self.orgs[org_id]
        values = dict(_PAGE_DEFAULTS)
        values.update(parsed.page)
        values["organization"] = org_id
        values["territory"] = org["territory"]
        if values["network_id"] is None:
            values["network_id"] = parsed.network_id_hint
        values["subscribers"] = parsed.count
        values["subscribers_date"] = (
            parsed.count_date or file_date or self.today if parsed.count is not None else None
        )
        if (org["name_key"], org["short_name"] or "", org["ogrn"] or None) == (
            parsed.org_key,
            parsed.org.get("short_name") or "",
            parsed.org.get("ogrn") or None,
        ):
            key = parsed.search_key  # the row's own organisation: the reader made the key
        else:
            key = page_search_key(values["title"], org, values["url"])
        self.touched.add(values["url"])
        page_id = self.writer.new_page(values, source, key)
        values["id"] = page_id
        if self.known is not None:
            self.known.url.add(values["url"])  # type: ignore[arg-type]
        values["batch"] = self.writer.batch_id
        self._add_page(values, indexed_by_org=False)
        self.report.new_pages += 1
        return page_id

    def _apply_page(
        self,
        page_id: int,
        parsed: ParsedRow,
        diffs: list[Diff],
        count: tuple[dt.date, int | None, int] | None,
    ) -> None:
        record = self.pages[page_id]
        for diff in diffs:
            new = parsed.page[diff.field]
            if diff.field == "url":
                self.touched.update(filter(None, (new, record["url"])))
            self.writer.update("page", page_id, diff.field, record[diff.field], new)
            record[diff.field] = new
            if diff.field == "url":
                self.writer.update("page", page_id, "url_key", None, new, logged=False)
                self.by_url[new] = page_id  # type: ignore[index]
                if self.known is not None:
                    self.known.url.add(new)  # type: ignore[arg-type]
        if any(d.field in ("url", "title") for d in diffs):
            org = self.orgs.get(record["organization"])  # type: ignore[arg-type]
            if org is not None:
                key = page_search_key(record["title"], org, record["url"])
                self.writer.update("page", page_id, "search_key", None, key, logged=False)
        if count is not None:
            date, old, new = count
            self.writer.count(page_id, date, old, new)
            self.pending_counts[(page_id, date)] = new
            current = record["subscribers_date"]
            if current is None or date >= current:  # type: ignore[operator]
                previous = record["subscribers"]
                record["subscribers"], record["subscribers_date"] = new, date
                self.writer.current(page_id, new, date, previous)  # type: ignore[arg-type]
