"""The reader: results reach the widget that asked on the GUI thread; a newer request of the
same slot supersedes an older one; a deleted owner gets nothing; refusals are shown; the
"Loading…" label appears only for a read that outlasts its delay. Gates (threading.Event)
decide when a read ends, so nothing depends on how fast this machine is."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desktop.gui.bus import ChangeBus
from desktop.gui.reads import ReadRunner
from desktop.services.errors import AccountChanged, NotAllowed


def _reader(qtbot, **kwargs) -> tuple[ReadRunner, ChangeBus]:
    bus = ChangeBus()
    reads = ReadRunner(bus, bus, **kwargs)
    return reads, bus


def _gated(value, gate: threading.Event, seen_thread: list | None = None):
    def fn():
        if seen_thread is not None:
            seen_thread.append(threading.current_thread())
        assert gate.wait(10)
        return value
    return fn


def test_the_result_reaches_the_page_that_asked_on_the_gui_thread(qtbot):
    reads, _bus = _reader(qtbot)
    first, second = QWidget(), QWidget()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    got: dict[str, list] = {"first": [], "second": []}
    ran_on: list = []
    delivered_on: list = []

    def done(name):
        return lambda value: (got[name].append(value), delivered_on.append(threading.current_thread()))

    reads.run(lambda: (ran_on.append(threading.current_thread()), "one")[1], owner=first, on_done=done("first"))
    reads.run(lambda: "two", owner=second, on_done=done("second"))
    qtbot.waitUntil(reads.is_idle)
    assert got == {"first": ["one"], "second": ["two"]}
    assert ran_on[0] is not threading.main_thread()
    assert all(t is threading.main_thread() for t in delivered_on)
    reads.stop()


def test_a_newer_request_of_the_same_slot_supersedes_the_older(qtbot):
    reads, _bus = _reader(qtbot, threads=1)
    page = QWidget()
    qtbot.addWidget(page)
    gate = threading.Event()
    got: list = []
    ran: list = []
    reads.run(_gated("week 1", gate), owner=page, slot="range", on_done=got.append)  # running, held
    reads.run(lambda: (ran.append("week 2"), "week 2")[1], owner=page, slot="range", on_done=got.append)
    reads.run(lambda: (ran.append("week 3"), "week 3")[1], owner=page, slot="range", on_done=got.append)
    reads.run(lambda: "detail", owner=page, slot="detail", on_done=got.append)  # another slot: kept
    gate.set()
    qtbot.waitUntil(reads.is_idle)
    assert got == ["detail", "week 3"] or got == ["week 3", "detail"]
    assert ran == ["week 3"], "a request superseded before it started is never run"
    assert reads.dropped == 2 and reads.delivered == 2
    reads.stop()


def test_a_result_for_a_deleted_widget_is_dropped(qtbot):
    reads, _bus = _reader(qtbot)
    page = QWidget()
    gate = threading.Event()
    got: list = []
    reads.run(_gated("rows", gate), owner=page, on_done=got.append)
    shiboken6.delete(page)  # signed out meanwhile
    gate.set()
    qtbot.waitUntil(reads.is_idle)
    assert got == [] and reads.dropped == 1
    reads.stop()


def test_a_refusal_is_shown_over_the_page_or_given_to_on_error(qtbot):
    reads, _bus = _reader(qtbot)
    page = QWidget()
    qtbot.addWidget(page)
    page.show()

    def refuse():
        raise NotAllowed("You can no longer see this appointment.")

    reads.run(refuse, owner=page, on_done=lambda _v: None)
    qtbot.waitUntil(reads.is_idle)
    boxes = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and "no longer see this appointment" in boxes[0].text()
    boxes[0].close()
    errors: list = []
    reads.run(refuse, owner=page, slot="detail", on_done=lambda _v: None, on_error=errors.append)
    qtbot.waitUntil(reads.is_idle)
    assert [e.message for e in errors] == ["You can no longer see this appointment."]
    reads.stop()


def test_a_refused_account_signs_out_through_the_bus(qtbot):
    reads, bus = _reader(qtbot)
    page = QWidget()
    qtbot.addWidget(page)
    signed_out: list = []
    bus.account_changed.connect(signed_out.append)

    def refuse():
        raise AccountChanged("Your account was deactivated.")

    reads.run(refuse, owner=page, on_done=lambda _v: None)
    qtbot.waitUntil(reads.is_idle)
    assert [e.message for e in signed_out] == ["Your account was deactivated."]
    assert not page.findChildren(QMessageBox)
    reads.stop()


def _loading(page: QWidget) -> bool:
    label = page.findChild(QLabel, "loadingIndicator")
    return label is not None and label.isVisible()


def test_the_loading_label_shows_only_for_a_slow_read(qtbot):
    reads, _bus = _reader(qtbot, busy_after_ms=50)
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(400, 300)
    page.show()
    shown: list = []
    reads.busy_changed.connect(lambda owner, busy: shown.append(busy))
    # A fast read: delivered before the delay; the label never shows.
    reads.run(lambda: "fast", owner=page, on_done=lambda _v: None)
    qtbot.waitUntil(reads.is_idle)
    qtbot.wait(100)  # past the delay: nothing may appear afterwards (the timer was stopped)
    assert shown == [] and not _loading(page)
    # A slow read (held by a gate): the label appears, and goes when the result comes.
    gate = threading.Event()
    got: list = []
    reads.run(_gated("slow", gate), owner=page, on_done=got.append)
    qtbot.waitUntil(lambda: _loading(page))
    assert reads.is_busy(page) and got == []
    # A newer request of the same slot keeps the label (no flicker) until it is answered.
    second = threading.Event()
    reads.run(_gated("newer", second), owner=page, on_done=got.append)
    assert _loading(page)
    gate.set()
    second.set()
    qtbot.waitUntil(reads.is_idle)
    assert got == ["newer"] and not _loading(page) and not reads.is_busy(page)
    assert shown == [True, False]
    reads.stop()


def test_stop_drops_what_is_asked_and_closes_the_readers(qtbot):
    reads, _bus = _reader(qtbot)
    page = QWidget()
    qtbot.addWidget(page)
    gate = threading.Event()
    got: list = []
    reads.run(_gated("late", gate), owner=page, on_done=got.append)
    threading.Timer(0.05, gate.set).start()
    assert reads.stop()
    assert reads.is_idle()
    qtbot.wait(50)
    assert got == []
    reads.run(lambda: "again", owner=page, on_done=got.append)  # new readers start when asked
    qtbot.waitUntil(reads.is_idle)
    assert got == ["again"]
    reads.stop()
