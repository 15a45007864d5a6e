"""A small streaming .xlsx writer for reports: inline strings, a fixed set of styles, frozen
header, autofilter, fitted column widths, merged cells, row outline levels, a print setup that
sends every sheet to paper as it is (one page wide, header rows repeated, dated and numbered
footer) and native charts given as DrawingML parts.

Rows go straight into the sheet's XML inside the ZIP, so memory stays flat whatever the row
count. Text is always written as text (never as a formula): a value such as
`=HYPERLINK("http://x","y")` reads back as that string. Only the first rows of a sheet are held
back, to measure the column widths that must precede the data in the file.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from editor.exchange.spreadsheet.xlsx_parts import (
    CHART_TYPE,
    DRAWING_TYPE,
    EXCEL_EPOCH,
    EXCEL_EPOCH_TIME,
    ILLEGAL,
    MAX_TEXT,
    MAX_WIDTH,
    NS,
    NS_R,
    PKG_REL,
    PORTRAIT_WIDTH,
    REL,
    SHEET_NAME_BAD,
    STYLES,
    STYLES_XML,
    column_letter,
    display_width,
    escaped_text,
)


class Sheet:
    """One worksheet being streamed; rows are appended in order, then `close()`."""

    def __init__(
        self,
        book: Workbook,
        index: int,
        name: str,
        styles: Sequence[str | None],
        *,
        outline_levels: int,
        sample_rows: int,
        widths: Sequence[float] | None,
    ) -> None:
        self.book, self.index, self.name = book, index, name
        self._columns = len(styles)
        self._refs = [column_letter(i) for i in range(self._columns)]
        self._default_styles = [_style_attr(style) for style in styles]
        self._outline_levels = min(outline_levels, 7)
        self._sample_rows = sample_rows
        self._widths = list(widths) if widths else None
        self._pending: list[tuple[int, Sequence[object], Sequence[str] | None, int, str]] = []
        self._stream: IO[bytes] | None = None
        self._preamble = ""
        self._buffer: list[str] = []
        self._row = 0
        self._header_rows: list[int] = []
        self._headers: list[Sequence[object]] = []
        self._merges: list[str] = []
        self._filter_columns: int | None = None
        self._titles: dict[int, str] = {}  # row → text, merged across the used width
        self._charts: list[tuple[str, tuple[int, int, int, int]]] = []
        self._closed = False

    @property
    def rows(self) -> int:
        """How many rows the sheet has so far (the 1-based number of the last one)."""
        return self._row

    def title(self, text: str, style: str = "title") -> None:
        """A title line (not counted for column widths), wrapped across the used width."""
        self._add([text], [style], 0, "title")
        self._titles[self._row] = text

    def blank(self) -> None:
        """An empty row."""
        self._add([], None, 0, "title")

    def header(self, values: Sequence[object]) -> int:
        """A header row: bold, wrapped; the view is frozen below the last header row."""
        self._add(values, ["header"] * len(values), 0, "header")
        return self._row

    def autofilter(self, columns: int | None = None) -> None:
        """Put an autofilter on the last header row over `columns` (all by default)."""
        self._filter_columns = columns or self._columns

    def append(
        self, values: Sequence[object], styles: Sequence[str] | None = None, outline: int = 0
    ) -> None:
        """A data row; `styles` overrides the column styles cell by cell (None keeps them)."""
        self._add(values, styles, outline, "data")

    def extend(self, rows: Iterable[Sequence[object]]) -> None:
        """Many data rows with the column styles (the fast path of big lists)."""
        for values in rows:
            self._add(values, None, 0, "data")

    def add_chart(self, chart_xml: str, anchor: tuple[int, int, int, int]) -> None:
        """Place a chart (a complete DrawingML chart part) over cells (first col, first row,
        last col, last row; 0-based); Excel and LibreOffice draw it from the sheet's cells."""
        self._charts.append((chart_xml, anchor))

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        """Merge a block of cells (1-based rows, 0-based columns)."""
        self._merges.append(f"{self._refs[first_col]}{first_row}:{self._refs[last_col]}{last_row}")

    def _add(
        self, values: Sequence[object], styles: Sequence[str] | None, outline: int, kind: str
    ) -> None:
        self._row += 1
        if kind == "header":
            self._header_rows.append(self._row)
            self._headers.append(values)
        if self._stream is None:
            self._pending.append((self._row, values, styles, outline, kind))
            if len(self._pending) >= self._sample_rows:
                self._start()
            return
        self._buffer.append(self._row_xml(self._row, values, styles, outline))
        if len(self._buffer) >= 1000:
            self._flush()

    def _row_xml(
        self, r: int, values: Sequence[object], styles: Sequence[str] | None, outline: int
    ) -> str:
        attrs = self._default_styles
        if styles is not None:
            attrs = [
                _style_attr(s) if s is not None else d for s, d in zip(styles, attrs, strict=False)
            ]
            attrs += self._default_styles[len(attrs) :]
        head = f'<row r="{r}" outlineLevel="{min(outline, 7)}">' if outline else f'<row r="{r}">'
        cells = [head]
        add = cells.append
        for ref, style, value in zip(self._refs, attrs, values, strict=False):
            kind = value.__class__
            if kind is str:
                if not value:
                    continue
                if (
                    value.isprintable()
                    and value[0] != " "
                    and value[-1] != " "
                    and len(value) <= MAX_TEXT
                ):
                    if "&" in value or "<" in value or ">" in value:
                        value = escape(value)
                    add(f'<c r="{ref}{r}"{style} t="inlineStr"><is><t>{value}</t></is></c>')
                else:
                    add(f'<c r="{ref}{r}"{style} t="inlineStr">{escaped_text(value)}</c>')
            elif kind is int:
                add(f'<c r="{ref}{r}"{style}><v>{value}</v></c>')
            elif value is None:
                continue
            elif kind is float:
                if math.isfinite(value):
                    add(f'<c r="{ref}{r}"{style}><v>{value!r}</v></c>')
            elif kind is dt.date:
                add(f'<c r="{ref}{r}"{style}><v>{(value - EXCEL_EPOCH).days}</v></c>')
            elif kind is bool:
                add(f'<c r="{ref}{r}"{style} t="b"><v>{int(value)}</v></c>')
            elif kind is dt.datetime:
                serial = (value - EXCEL_EPOCH_TIME).total_seconds() / 86400
                add(f'<c r="{ref}{r}"{style}><v>{serial!r}</v></c>')
            else:
                text = str(value)
                if text:
                    add(f'<c r="{ref}{r}"{style} t="inlineStr">{escaped_text(text)}</c>')
        add("</row>")
        return "".join(cells)

    def _fitted_widths(self) -> list[float]:
        content = [0] * self._columns
        for _row, values, _styles, outline, kind in self._pending:
            if kind != "data":
                continue
            for index, value in enumerate(values[: self._columns]):
                width = display_width(value) + (2 * outline if index == 0 else 0)
                if width > content[index]:
                    content[index] = width
        widths = []
        for index in range(self._columns):
            header = max(
                (str(h[index]) for h in self._headers if index < len(h) and h[index]),
                key=len,
                default="",
            )
            longest_word = max((len(word) for word in header.split()), default=0)
            # A header may wrap onto two or three lines, but never inside a word.
            wanted = max(content[index], longest_word, min(len(header), 14), 4)
            widths.append(min(wanted * 1.1 + 2, MAX_WIDTH))
        return widths

    def _start(self) -> None:
        """Write everything that precedes the rows, then the rows held back so far."""
        widths = self._widths or self._fitted_widths()
        self._widths = widths
        # The rows go to a temporary file first: the sheet must declare its size
        # (<dimension>) before its rows, as Excel does, and the size is known only at the end.
        self._stream = tempfile.TemporaryFile()
        last_header = self._header_rows[-1] if self._header_rows else 0
        pane = ""
        if last_header:
            top = f"A{last_header + 1}"
            pane = (
                f'<pane ySplit="{last_header}" topLeftCell="{top}" activePane="bottomLeft"'
                f' state="frozen"/><selection pane="bottomLeft" activeCell="{top}"'
                f' sqref="{top}"/>'
            )
        selected = ' tabSelected="1"' if self.index == 1 else ""
        cols = "".join(
            f'<col min="{i + 1}" max="{i + 1}" width="{w:.2f}" customWidth="1"/>'
            for i, w in enumerate(widths)
        )
        outline = f' outlineLevelRow="{self._outline_levels}"' if self._outline_levels else ""
        self._preamble = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<worksheet {NS} {NS_R}>"
            '<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/>'
            '<pageSetUpPr fitToPage="1"/></sheetPr>'
            "{dimension}"
            f'<sheetViews><sheetView workbookViewId="0"{selected}>{pane}</sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"{outline}/>'
            f"<cols>{cols}</cols><sheetData>"
        )
        for r, values, styles, row_outline, kind in self._pending:
            xml = self._row_xml(r, values, styles, row_outline)
            if kind == "header":
                xml = xml.replace(
                    f'<row r="{r}"',
                    f'<row r="{r}" ht="{self._header_height(values)}" customHeight="1"',
                    1,
                )
            elif r in self._titles and self._columns > 1:
                # A merged cell does not grow with its text: the height is set for the wrap.
                per_line = max(int(sum(widths) / (1.4 if styles == ["title"] else 1.1)), 10)
                lines = _wrapped_lines(self._titles[r], per_line)
                height = (19 if styles == ["title"] else 15) * min(lines, 4)
                xml = xml.replace(
                    f'<row r="{r}"', f'<row r="{r}" ht="{height}" customHeight="1"', 1
                )
            self._buffer.append(xml)
        self._pending = []

    def _header_height(self, values: Sequence[object]) -> int:
        lines = 1
        for index, value in enumerate(values):
            if value and self._widths and index < len(self._widths):
                per_line = max(int((self._widths[index] - 2) / 1.1), 1)
                lines = max(lines, _wrapped_lines(str(value), per_line))
        return 15 * min(lines, 6)

    def _flush(self) -> None:
        assert self._stream is not None
        self._stream.write("".join(self._buffer).encode("utf-8"))
        self._buffer = []

    @property
    def filter_range(self) -> str | None:
        """The autofilter's cell range, known once the sheet is closed."""
        if self._filter_columns is None or not self._header_rows:
            return None
        first = self._header_rows[-1]
        last = max(self._row, first)
        return f"A{first}:{self._refs[self._filter_columns - 1]}{last}"

    @property
    def print_titles(self) -> str | None:
        """The header rows repeated at the top of every printed page ('$4:$5')."""
        if not self._header_rows:
            return None
        return f"${self._header_rows[0]}:${self._header_rows[-1]}"

    def _print_setup(self) -> str:
        """Paper A4, one page wide (as many tall as it takes), landscape when wide; the footer
        carries the report's date and «Страница N из M»."""
        wide = sum(self._widths or []) > PORTRAIT_WIDTH
        orientation = "landscape" if wide else "portrait"
        date = escape(self.book.report_date.strftime("%d.%m.%Y"))
        return (
            f'<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1"'
            ' fitToHeight="0"/>'
            f"<headerFooter><oddFooter>&amp;L{escape(self.book.footer_date_label)} {date}"
            f"&amp;R{escape(self.book.footer_page_label)}</oddFooter></headerFooter>"
        )

    def close(self) -> None:
        """Finish the sheet's XML (autofilter, merged cells, print setup, charts) and its ZIP
        member."""
        if self._closed:
            return
        if self._stream is None:
            self._start()
        tail = "</sheetData>"
        if self.filter_range:
            tail += f'<autoFilter ref="{self.filter_range}"/>'
        if self._columns > 1:
            for r in self._titles:
                self.merge(r, 0, r, self._columns - 1)
        if self._merges:
            tail += f'<mergeCells count="{len(self._merges)}">'
            tail += "".join(f'<mergeCell ref="{ref}"/>' for ref in self._merges)
            tail += "</mergeCells>"
        tail += (
            '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3"'
            ' footer="0.3"/>'
        )
        tail += self._print_setup()
        if self._charts:
            tail += '<drawing r:id="rId1"/>'
        tail += "</worksheet>"
        self._buffer.append(tail)
        self._flush()
        assert self._stream is not None
        rows = self._stream
        rows.seek(0)
        with self.book._open_member(f"xl/worksheets/sheet{self.index}.xml") as member:
            member.write(self._preamble.replace("{dimension}", self._dimension()).encode("utf-8"))
            shutil.copyfileobj(rows, member, 1 << 20)
        rows.close()
        self._closed = True
        self.book._current = None
        if self._charts:
            self.book._add_drawing(self, self._charts)

    def _dimension(self) -> str:
        """<dimension> of the used range (A1 alone for an empty sheet)."""
        last = self._refs[self._columns - 1] if self._columns else "A"
        if self._row <= 1 and self._columns <= 1:
            return '<dimension ref="A1"/>'
        return f'<dimension ref="A1:{last}{max(self._row, 1)}"/>'


def _wrapped_lines(text: str, per_line: int) -> int:
    lines, used = 1, 0
    for word in text.split():
        needed = len(word) + (1 if used else 0)
        if used and used + needed > per_line:
            lines, used = lines + 1, len(word)
        else:
            used += needed
    return lines


_STYLE_ATTRS = {name: f' s="{index}"' if index else "" for name, index in STYLES.items()}


def _style_attr(style: str | None) -> str:
    return _STYLE_ATTRS[style] if style else ""


def sheet_name(text: str) -> str:
    """A valid, at most 31-character sheet name."""
    name = SHEET_NAME_BAD.sub(" ", text).strip().strip("'")[:31]
    return name or "Лист"


class Workbook:
    """An .xlsx being written to a binary file object; sheets are written one after another."""

    def __init__(
        self, fileobj: IO[bytes], *, title: str = "", compresslevel: int = 1, large: bool = False
    ) -> None:
        self._zip = zipfile.ZipFile(fileobj, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel)
        self._title = title
        self._large = large  # ZIP64 members for sheets that may exceed 2 GiB of XML
        self._sheets: list[Sheet] = []
        self._current: Sheet | None = None
        self._charts = 0
        self._drawings: list[int] = []
        # The footer of printed pages (the report's own words come from its caller).
        self.report_date = dt.date.today()
        self.footer_date_label = "Дата:"
        self.footer_page_label = "Страница &P из &N"

    def add_sheet(
        self,
        name: str,
        styles: Sequence[str | None],
        *,
        outline_levels: int = 0,
        sample_rows: int = 300,
        widths: Sequence[float] | None = None,
    ) -> Sheet:
        """Start a sheet whose columns have the given default styles; closes the previous one."""
        if self._current is not None:
            self._current.close()
        name = sheet_name(name)
        taken = {s.name for s in self._sheets}
        base, number = name, 2
        while name in taken:
            name = f"{base[:27]} ({number})"
            number += 1
        sheet = Sheet(
            self,
            len(self._sheets) + 1,
            name,
            styles,
            outline_levels=outline_levels,
            sample_rows=sample_rows,
            widths=widths,
        )
        self._sheets.append(sheet)
        self._current = sheet
        return sheet

    def _add_drawing(
        self, sheet: Sheet, charts: list[tuple[str, tuple[int, int, int, int]]]
    ) -> None:
        """Write a sheet's drawing part with its charts, and the relationships between them."""
        anchors, rels = [], []
        for number, (chart_xml, (col1, row1, col2, row2)) in enumerate(charts, 1):
            self._charts += 1
            self._zip.writestr(f"xl/charts/chart{self._charts}.xml", chart_xml)
            rels.append(
                f'<Relationship Id="rId{number}" Type="{REL}/chart"'
                f' Target="../charts/chart{self._charts}.xml"/>'
            )
            anchors.append(
                "<xdr:twoCellAnchor>"
                f"<xdr:from><xdr:col>{col1}</xdr:col><xdr:colOff>0</xdr:colOff>"
                f"<xdr:row>{row1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
                f"<xdr:to><xdr:col>{col2}</xdr:col><xdr:colOff>0</xdr:colOff>"
                f"<xdr:row>{row2}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
                f'<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>'
                f'<xdr:cNvPr id="{number + 1}" name="Диаграмма {number}"/>'
                "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
                '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
                '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/'
                'drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/'
                f'drawingml/2006/chart" r:id="rId{number}"/></a:graphicData></a:graphic>'
                "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
            )
        self._zip.writestr(
            f"xl/drawings/drawing{sheet.index}.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/'
            'spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
            f" {NS_R}>{''.join(anchors)}</xdr:wsDr>",
        )
        self._zip.writestr(
            f"xl/drawings/_rels/drawing{sheet.index}.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>',
        )
        self._zip.writestr(
            f"xl/worksheets/_rels/sheet{sheet.index}.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/drawing"'
            f' Target="../drawings/drawing{sheet.index}.xml"/></Relationships>',
        )
        self._drawings.append(sheet.index)

    def _open_member(self, name: str) -> IO[bytes]:
        return self._zip.open(name, "w", force_zip64=self._large)

    def abort(self) -> None:
        """Give up after a failure: release the ZIP without caring what reaches the file."""
        members = [self._current._stream] if self._current and self._current._stream else []
        for closing in [*(m.close for m in members), self._zip.close]:
            try:
                closing()
            except Exception:  # the file is being thrown away; the first error is what counts
                pass
        self._current = None

    def close(self) -> None:
        """Finish the last sheet and write the workbook parts; the file object stays open."""
        if self._current is not None:
            self._current.close()
        if not self._sheets:
            self.add_sheet("Лист1", []).close()
        sheets = self._sheets
        write = self._zip.writestr
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{s.index}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for s in sheets
        )
        overrides += "".join(
            f'<Override PartName="/xl/drawings/drawing{i}.xml" ContentType="{DRAWING_TYPE}"/>'
            for i in self._drawings
        ) + "".join(
            f'<Override PartName="/xl/charts/chart{i}.xml" ContentType="{CHART_TYPE}"/>'
            for i in range(1, self._charts + 1)
        )
        write(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/'
            'vnd.openxmlformats-package.core-properties+xml"/>'
            f"{overrides}</Types>",
        )
        write(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            "</Relationships>",
        )
        created = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        write(
            "docProps/core.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:dcterms="http://purl.org/dc/terms/"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(ILLEGAL.sub('', self._title))}</dc:title>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            "</cp:coreProperties>",
        )
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{s.index - 1}" hidden="1">'
            f"{escape(_absolute(s.name, s.filter_range))}</definedName>"
            for s in sheets
            if s.filter_range
        ) + "".join(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{s.index - 1}">'
            f"{escape(_quoted(s.name))}!{s.print_titles}</definedName>"
            for s in sheets
            if s.print_titles
        )
        write(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook {NS} {NS_R}><bookViews><workbookView activeTab="0"/></bookViews>'
            "<sheets>"
            + "".join(
                f'<sheet name={quoteattr(s.name)} sheetId="{s.index}" r:id="rId{s.index}"/>'
                for s in sheets
            )
            + "</sheets>"
            + (f"<definedNames>{names}</definedNames>" if names else "")
            + "</workbook>",
        )
        rels = "".join(
            f'<Relationship Id="rId{s.index}" Type="{REL}/worksheet"'
            f' Target="worksheets/sheet{s.index}.xml"/>'
            for s in sheets
        )
        write(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL}">{rels}'
            f'<Relationship Id="rId{len(sheets) + 1}" Type="{REL}/styles"'
            ' Target="styles.xml"/></Relationships>',
        )
        write("xl/styles.xml", STYLES_XML)
        self._zip.close()


def _absolute(sheet: str, cell_range: str) -> str:
    """'Sheet name'!$A$1:$B$9 for a defined name."""
    first, last = cell_range.split(":")
    split = [re.match(r"([A-Z]+)(\d+)", ref).groups() for ref in (first, last)]  # type: ignore[union-attr]
    return f"{_quoted(sheet)}!" + ":".join(f"${col}${row}" for col, row in split)


def _quoted(sheet: str) -> str:
    """A sheet name as formulas and defined names write it: 'Name'."""
    return "'" + sheet.replace("'", "''") + "'"
