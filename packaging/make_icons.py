"""Render the icon (packaging/icons/gospabliki.svg) into the PNG sizes desktops ask for and an .ico.

Run after changing the SVG: `python packaging/make_icons.py`; the PNGs and the .ico are committed,
so the build needs no SVG renderer. Uses Qt's SVG renderer and image writers (QtSvg, QtGui).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent / "icons"
WINDOW_ICON = Path(__file__).resolve().parents[1] / "resources" / "icons" / "gospabliki.png"
SVG = ICONS / "gospabliki.svg"
# The hicolor theme's usual sizes (freedesktop icon theme spec); 256 also goes into the bundle.
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The icon at `size` × `size` pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    """Write icons/hicolor/NxN/apps/gospabliki.png, icons/gospabliki.ico and the window icon
    (resources/icons/gospabliki.png, which the editor and the bundle load)."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"{SVG}: not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        folder = ICONS / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        render(renderer, size).save(str(folder / "gospabliki.png"))
    render(renderer, 256).save(str(WINDOW_ICON))
    render(renderer, 256).save(str(ICONS / "gospabliki.ico"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
