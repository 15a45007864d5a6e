#!/usr/bin/env bash
# Refresh the English translation from the source strings, then build the .qm the editor loads.
# Translations already made are kept; new strings are marked unfinished until translated.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$(dirname "$here")")"
python3 "$here/extract.py" "$root/editor" "$here/editor_en.ts" en_US
pyside6-lrelease -silent "$here/editor_en.ts" -qm "$here/editor_en.qm"
pyside6-lrelease -silent "$here/qtbase_extra_ru.ts" -qm "$here/qtbase_extra_ru.qm"
