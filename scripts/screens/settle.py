"""Waiting, outside a test, for background operations to land."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication


def settle(window, timeout: float = 10.0) -> None:
    """Let background operations deliver their results and the widgets repaint."""
    deadline = time.monotonic() + timeout
    while True:
        QApplication.processEvents()
        if (window.ctx.ops.is_idle() and window.ctx.reads.is_idle()) or time.monotonic() > deadline:
            break
        time.sleep(0.01)
    QApplication.processEvents()
