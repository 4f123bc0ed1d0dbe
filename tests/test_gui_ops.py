"""The write runner: results come back to the GUI thread, in order, and never to a
window that has gone."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QWidget

from desktop.gui.bus import ChangeBus
from desktop.gui.ops import OpRunner
from desktop.services.errors import NotAllowed
from desktop.services.result import Change, OpResult


def _runner(qtbot) -> tuple[OpRunner, ChangeBus]:
    bus = ChangeBus()
    return OpRunner(bus, bus), bus


def test_results_arrive_in_the_order_asked_and_changes_are_published(qtbot):
    ops, bus = _runner(qtbot)
    seen: list[object] = []
    published: list[Change] = []
    bus.changed.connect(published.append)
    ops.run(lambda: OpResult(Change.APPOINTMENTS, "one"), on_done=lambda r: seen.append(r.summary))
    ops.run(lambda: 2, on_done=seen.append)
    ops.run(lambda: (_ for _ in ()).throw(NotAllowed("no")), on_error=lambda e: seen.append(e.message))
    qtbot.waitUntil(ops.is_idle)
    assert seen == ["one", 2, "no"]
    assert published == [Change.APPOINTMENTS]


def test_a_result_for_a_deleted_window_is_published_but_not_delivered(qtbot):
    ops, bus = _runner(qtbot)
    published: list[Change] = []
    bus.changed.connect(published.append)
    window = QWidget()
    delivered: list[object] = []
    gate = threading.Event()
    ops.run(gate.wait)
    ops.run(lambda: OpResult(Change.PEOPLE, "saved"), parent=window, on_done=delivered.append)
    ops.run(lambda: (_ for _ in ()).throw(NotAllowed("late")), parent=window, on_error=delivered.append)
    shiboken6.delete(window)  # signed out while idle: the dialog went before its answers came
    gate.set()
    qtbot.waitUntil(ops.is_idle)
    assert delivered == []
    assert published == [Change.PEOPLE]
