"""The public directory (DESIGN §9): what citizens and a lookup bot read about official pages.

`collect` picks the live pages of a scope with nothing personal, `publish` writes
``directory.json``, ``directory.csv`` and a self-contained ``index.html``
(``resources/directory/index.html``), `search` is the query engine the page's script mirrors,
and `lookup` runs it on the catalogue for ``main.py lookup``. No widgets.
"""
