"""The public directory (DESIGN §9): what citizens and a lookup bot read about official pages.

`collect` picks the live pages of a scope with nothing personal, `publish` writes
``directory.json``, ``directory.csv`` and a self-contained ``index.html``, and `search` is the
query engine shared by `lookup` and the page's script. No widgets.
"""
