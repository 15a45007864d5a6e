"""PySide6 6.12.0 on Python 3.11 leaks a reference of None per void Qt call and later aborts.

This guards the pin: if a broken build comes back, the refcount of None drifts and this fails.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_the_refcount_of_none():
    obj = QObject()
    for _ in range(100):  # warm up caches
        obj.setObjectName("x")
    before = sys.getrefcount(None)
    for index in range(5000):
        obj.setObjectName(f"name{index % 7}")
    drift = sys.getrefcount(None) - before
    assert abs(drift) < 100, f"refcount of None drifted by {drift}"
