"""Small .ods and .xls workbooks written by the tests themselves: an .ods is a zip of a few XML
parts (written here directly), an .xls comes from xlwt (the `test` extra)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_CONTENT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>"
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    ' manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)

Rows = list[list[object]]
# (first row, first column, last row, last column), 0-based and inclusive as in xlwt
Merge = tuple[int, int, int, int]


def _ods_cell(value: object, span: tuple[int, int] | None) -> str:
    attributes = ""
    if span is not None and span != (1, 1):
        attributes = (
            f' table:number-rows-spanned="{span[0]}" table:number-columns-spanned="{span[1]}"'
        )
    if value is None:
        return f"<table:table-cell{attributes}/>"
    if isinstance(value, bool | int | float):
        return (
            f'<table:table-cell{attributes} office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell{attributes} office:value-type="date"'
            f' office:date-value="{value.isoformat()}"><text:p>{value}</text:p></table:table-cell>'
        )
    return (
        f'<table:table-cell{attributes} office:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def write_ods(path: Path, sheets: dict[str, Rows], merges: dict[str, list[Merge]] | None = None):
    """An .ods with the given sheets; merged ranges cover the cells after their first one."""
    merges = merges or {}
    parts = [_CONTENT_HEAD]
    for name, rows in sheets.items():
        spans = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in merges.get(name, [])}
        covered = {
            (r, c)
            for r1, c1, r2, c2 in merges.get(name, [])
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
            if (r, c) != (r1, c1)
        }
        parts.append(f'<table:table table:name="{escape(name)}">')
        for r, row in enumerate(rows):
            parts.append("<table:table-row>")
            for c, value in enumerate(row):
                if (r, c) in covered:
                    parts.append("<table:covered-table-cell/>")
                else:
                    parts.append(_ods_cell(value, spans.get((r, c))))
            parts.append("</table:table-row>")
        parts.append("</table:table>")
    parts.append("</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", _MANIFEST)
        zf.writestr("content.xml", "".join(parts))
    return path


def write_xls(path: Path, sheets: dict[str, Rows], merges: dict[str, list[Merge]] | None = None):
    """An Excel 97-2003 workbook through xlwt; merged ranges keep their first cell's value."""
    import xlwt

    merges = merges or {}
    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        starts = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in merges.get(name, [])}
        inside = {
            (r, c)
            for r1, c1, r2, c2 in merges.get(name, [])
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
        }
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                style = date_style if isinstance(value, dt.date) else xlwt.Style.default_style
                if (r, c) in starts:
                    r2, c2 = starts[r, c]
                    sheet.write_merge(r, r2, c, c2, value, style)
                elif (r, c) not in inside and value is not None:
                    sheet.write(r, c, value, style)
    book.save(str(path))
    return path
