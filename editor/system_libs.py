"""Before the window opens on Linux: are the system libraries Qt's X11 plugin loads there?

Without them Qt aborts with «Could not load the Qt platform plugin "xcb"», which tells a user
nothing about what to install. The desktop bundle carries Qt itself but not the X11/OpenGL
libraries of the system (the Debian package depends on them; an unpacked archive does not), so
the editor checks them first and names the Debian packages that provide the missing ones.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# The libraries Qt's xcb platform plugin and QtGui load, with the Debian 12 package of each
# (the README's apt list; the Debian package's Depends: name the same packages).
QT_SYSTEM_LIBRARIES: Mapping[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loadable(soname: str) -> bool:
    """True when the dynamic loader finds `soname` (as Qt's plugin loader would)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _bundled(soname: str) -> bool:
    """True when the desktop bundle carries `soname` itself."""
    base = getattr(sys, "_MEIPASS", None)
    if not base:
        return False
    return any((Path(base, *folder) / soname).exists() for folder in ((), ("PySide6", "Qt", "lib")))


def needs_check(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True on Linux when Qt would use its X11 plugin (no other platform was asked for)."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    return not requested or "xcb" in requested


def missing_libraries(loadable: Callable[[str], bool] | None = None) -> list[str]:
    """The sonames of QT_SYSTEM_LIBRARIES that neither the system nor the bundle provides."""
    loadable = loadable or (lambda soname: _bundled(soname) or _loadable(soname))
    return [soname for soname in QT_SYSTEM_LIBRARIES if not loadable(soname)]


def missing_libraries_message(missing: list[str]) -> str:
    """Two lines in Russian: what is missing, and the apt command that installs it."""
    packages = sorted({QT_SYSTEM_LIBRARIES[soname] for soname in missing})
    return (
        "Не удаётся открыть окно редактора: в системе нет библиотек Qt: {libs}.\n"
        "Установите их командой: sudo apt install {packages}"
    ).format(libs=", ".join(missing), packages=" ".join(packages))


def check_gui_libraries() -> str | None:
    """The message to show instead of starting the window, or None when it can start."""
    if not needs_check():
        return None
    missing = missing_libraries()
    return missing_libraries_message(missing) if missing else None


# Desktop tools that can show a message without Qt, tried in order (GNOME, KDE, any desktop).
_DIALOGS = (
    ("zenity", ["--error", "--no-wrap", "--text"]),
    ("kdialog", ["--error"]),
    ("notify-send", ["--urgency=critical", "Каталог госпабликов"]),
)


def tell_user(message: str) -> None:
    """Print the message; started from the menu (no terminal) also show it with a desktop tool."""
    print(message, file=sys.stderr)
    if sys.stderr is not None and sys.stderr.isatty():
        return
    for tool, args in _DIALOGS:
        path = shutil.which(tool)
        if path:
            try:
                subprocess.run([path, *args, message], timeout=600, check=False)
            except (OSError, subprocess.SubprocessError):
                continue
            return
