"""Collect the translatable strings of editor/ into a Qt .ts file, keeping existing translations.

Recognised calls (string literals only; a context may be a module-level string constant):
  self.tr("text")                         context = the enclosing class name
  QCoreApplication.translate("ctx", "text")
  QT_TRANSLATE_NOOP("ctx", "text")
  tr("text"[, "ctx"])                     editor.core.i18n.tr, context "core" by default
  helper("text")                          a module function whose body is
                                          `return QCoreApplication.translate("ctx", <its argument>)`
Usage: python extract.py EDITOR_DIR OUT.ts LANGUAGE
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _const(node: ast.AST, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Module functions `f(text)` that translate their argument in a fixed context."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call) and _name(inner.func) == "translate" and \
                    len(inner.args) >= 2 and isinstance(inner.args[1], ast.Name) and \
                    inner.args[1].id == node.args.args[0].arg:
                context = _const(inner.args[0], {})
                if context:
                    found[node.name] = context
    return found


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def extract(path: Path, root: Path) -> list[tuple[str, str, str, int]]:
    """(context, source, file, line) of every translatable string in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        target.id: node.value.value
        for node in tree.body if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        for target in node.targets if isinstance(target, ast.Name)
    }
    helpers = _helpers(tree)
    found: list[tuple[str, str, str, int]] = []
    relative = str(path.relative_to(root.parent))

    def visit(node: ast.AST, cls: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            for child in node.body:
                visit(child, node.name)
            return
        if isinstance(node, ast.Call):
            name = _name(node.func)
            args = node.args
            entry = None
            if name == "tr" and isinstance(node.func, ast.Attribute) and cls and args:
                text = _const(args[0], constants)
                entry = (cls, text)
            elif name == "tr" and isinstance(node.func, ast.Name) and args:
                context = _const(args[1], constants) if len(args) > 1 else None
                for keyword in node.keywords:
                    if keyword.arg == "context":
                        context = _const(keyword.value, constants)
                entry = (context or "core", _const(args[0], constants))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                entry = (_const(args[0], constants), _const(args[1], constants))
            elif name in helpers and isinstance(node.func, ast.Name) and args:
                entry = (helpers[name], _const(args[0], constants))
            if entry and entry[0] and entry[1]:
                found.append((entry[0], entry[1], relative, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child, cls)

    visit(tree, None)
    return found


def load_existing(ts: Path) -> dict[tuple[str, str], str]:
    """Translations already in the .ts file, keyed by (context, source)."""
    if not ts.exists():
        return {}
    known: dict[tuple[str, str], str] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            if text and (translation.get("type") not in ("unfinished", "vanished", "obsolete")):
                known[(name, message.findtext("source") or "")] = text
    return known


def write(ts: Path, language: str, entries, known) -> tuple[int, int]:
    """Write the .ts; return (messages, untranslated)."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="ru_RU")
    by_context: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for context, source, filename, line in entries:
        by_context.setdefault(context, {}).setdefault(source, []).append((filename, line))
    missing = total = 0
    for context in sorted(by_context):
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context
        for source, places in sorted(by_context[context].items()):
            message = ET.SubElement(element, "message")
            for filename, line in places[:3]:
                ET.SubElement(message, "location", filename=f"../../{filename}", line=str(line))
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            total += 1
            text = known.get((context, source))
            if text:
                translation.text = text
            else:
                translation.set("type", "unfinished")
                missing += 1
    ET.indent(root)
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return total, missing


def main(argv: list[str]) -> int:
    editor, ts, language = Path(argv[0]), Path(argv[1]), argv[2]
    entries = []
    for path in sorted(editor.rglob("*.py")):
        entries.extend(extract(path, editor))
    total, missing = write(ts, language, entries, load_existing(ts))
    print(f"{ts.name}: {total} messages, {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
