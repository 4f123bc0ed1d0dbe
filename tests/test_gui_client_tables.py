"""The client's tables at a 1366×768 main window: every header, and the key columns' text,
read in full (nothing clipped or elided)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle, QTableView

from tests.guikit import make_controller, show_page, sign_in

HEADER_PADDING = 2 * 4  # the theme's section padding (QHeaderView::section { padding: 4px })

# The columns a person reads a row by: their cell text must fit too, not only the header.
KEY_COLUMNS = {"upcomingTable": ("When", "Cancellation"), "pastTable": ("When", "Status"),
               "chargesTable": ("Appointment", "Amount", "Status")}


def _clipped(view: QTableView) -> list[str]:
    header = view.horizontalHeader()
    font = header.font()
    font.setBold(True)  # the theme draws section titles bold: measure as drawn (bold is the widest)
    bold = QFontMetrics(font)
    cells = QFontMetrics(view.font())
    # The item delegate's text margin, as Qt draws it: the focus frame's margin plus one, each side.
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    model = view.model()
    problems = []
    for section in range(header.count()):
        title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        size = header.sectionSize(section)
        if bold.horizontalAdvance(title) + HEADER_PADDING > size:
            problems.append(f"{view.objectName()}: header “{title}” needs "
                            f"{bold.horizontalAdvance(title) + HEADER_PADDING}px, has {size}px")
        if title in KEY_COLUMNS.get(view.objectName(), ()):
            for row in range(model.rowCount()):
                text = str(model.index(row, section).data() or "")
                if cells.horizontalAdvance(text) + margin > size:
                    problems.append(f"{view.objectName()}: “{text}” in {title} needs "
                                    f"{cells.horizontalAdvance(text) + margin}px, has {size}px")
    return problems


def test_client_tables_read_in_full_at_1366_by_768(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    portal = sign_in(qtbot, controller, "alex.morgan")
    portal.showNormal()
    portal.resize(1366, 768)
    QApplication.processEvents()
    assert portal.width() <= 1366
    seen, problems = set(), []
    appointments = show_page(portal, "appointments")
    for tab in range(appointments.tabs.count()):
        appointments.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        view = appointments.tabs.currentWidget()
        assert view.model().rowCount() > 0
        seen.add(view.objectName())
        problems += _clipped(view)
    billing = show_page(portal, "billing")
    QApplication.processEvents()
    for view in billing.findChildren(QTableView):
        if view.isVisible():
            seen.add(view.objectName())
            problems += _clipped(view)
    assert {"upcomingTable", "pastTable", "chargesTable"} <= seen
    assert not problems, "\n".join(problems)
