"""The Qt binding we ship must not corrupt Python's reference counts.

PySide6-Essentials 6.12.0 drops a reference to ``None`` on every call of a void method
(QLabel.setText, QPainter.drawRoundedRect, …). On Python 3.11, where ``None`` is not
immortal, a long session then dies with "Fatal Python error: none_dealloc" (found by
benchmarks/run.py painting the calendar). pyproject.toml excludes that release; this
test fails if a binding with the fault comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel

CALLS = 500


def _none_refs_lost(fn) -> int:
    """The fewest references to None lost over CALLS calls, in three tries: None's count is the
    whole process's, and a thread a test before left running (a reader finishing its rows) may
    drop some of its own meanwhile; a faulty binding loses CALLS every time."""
    lost = []
    for _ in range(3):
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            fn()
        lost.append(before - sys.getrefcount(None))
    return min(lost)


def test_void_methods_keep_none_alive(qapp):
    label = QLabel()
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        rect = QRectF(1, 1, 20, 20)
        lost = {
            "QLabel.setText": _none_refs_lost(lambda: label.setText("x")),
            "QPainter.drawRoundedRect": _none_refs_lost(lambda: painter.drawRoundedRect(rect, 3, 3)),
            "QPainter.fillRect": _none_refs_lost(lambda: painter.fillRect(rect, QColor("red"))),
        }
    finally:
        painter.end()
    # A binding that loses one reference per call loses CALLS; allow a little noise.
    assert all(n < CALLS // 2 for n in lost.values()), f"None references lost per {CALLS} calls: {lost}"
