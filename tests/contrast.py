"""Measuring the contrast of text against its background (WCAG 2), on colours and on what a
window actually paints."""

from __future__ import annotations

import struct
from collections import Counter

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QHeaderView, QLabel, QWidget

AA = 4.5


def luminance(colour: QColor) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def painted_contrast(image: QImage, rect: QRect) -> tuple[float, QColor, QColor] | None:
    """In ``rect`` of a rendered window: the background is the commonest colour, the text the
    colour that differs from it most (antialiased edges lie between the two). None: no text."""
    rect = rect.intersected(image.rect())
    if rect.width() < 3 or rect.height() < 3:
        return None
    bits = image.constBits()
    stride = image.bytesPerLine()
    counts: Counter[int] = Counter()
    for y in range(rect.top(), rect.bottom() + 1):
        start = y * stride + rect.left() * 4
        counts.update(v for (v,) in struct.iter_unpack("<I", bytes(bits[start:start + rect.width() * 4])))
    background_rgb = counts.most_common(1)[0][0]
    background = QColor.fromRgb(background_rgb & 0xFFFFFF)
    best, ink = 1.0, background
    for value in counts:
        if value == background_rgb:
            continue
        c = QColor.fromRgb(value & 0xFFFFFF)
        r = ratio(c, background)
        if r > best:
            best, ink = r, c
    return (best, ink, background) if ink != background else None


def text_rects(window: QWidget) -> list[tuple[str, QRect]]:
    """Where the window shows text: labels, enabled buttons, visible table cells and list items,
    table headers; each inset so that a frame's border is not taken for text."""
    found: list[tuple[str, QRect]] = []

    def add(name: str, widget: QWidget, rect: QRect, dx: int = 4, dy: int = 2) -> None:
        top_left = widget.mapTo(window, rect.topLeft())
        found.append((name, QRect(top_left, rect.size()).adjusted(dx, dy, -dx, -dy)))

    for label in window.findChildren(QLabel):
        if label.isVisible() and label.text().strip() and not label.visibleRegion().isEmpty():
            add(f"label {label.objectName() or label.text()[:30]!r}", label, label.contentsRect())
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.isEnabled() and button.text().strip() and not button.visibleRegion().isEmpty():
            add(f"button {button.text()!r}", button, button.rect())
    for header in window.findChildren(QHeaderView):
        if header.isVisible() and header.model() is not None:
            for section in range(header.count()):
                text = header.model().headerData(section, header.orientation())
                if text:
                    pos = header.sectionViewportPosition(section)
                    add(f"header {text!r}", header.viewport(),
                        QRect(pos, 0, header.sectionSize(section), header.height()).intersected(header.viewport().rect()))
    for view in window.findChildren(QAbstractItemView):
        if not view.isVisible() or isinstance(view, QHeaderView) or view.model() is None:
            continue
        model, viewport = view.model(), view.viewport()
        for row in range(min(model.rowCount(QModelIndex()), 40)):
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            for column in range(columns):
                index = model.index(row, column)
                rect = view.visualRect(index).intersected(viewport.rect())
                if index.data() and rect.height() > 8 and view.indexWidget(index) is None:
                    add(f"{view.objectName()} cell {row},{column} {str(index.data())[:20]!r}", viewport, rect)
    return found


def low_contrast(window: QWidget) -> list[str]:
    """Every place in ``window`` whose text is below AA, with the colours measured."""
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    scale = image.width() / max(window.width(), 1)
    problems = []
    for name, rect in text_rects(window):
        if scale != 1:
            rect = QRect(QPoint(int(rect.x() * scale), int(rect.y() * scale)), rect.size() * scale)
        measured = painted_contrast(image, rect)
        if measured is not None and measured[0] < AA:
            r, ink, background = measured
            problems.append(f"{name}: {r:.2f} ({ink.name()} on {background.name()})")
    return problems
