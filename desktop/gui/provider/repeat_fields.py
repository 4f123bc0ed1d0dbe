"""How often and until when a series repeats: the fields shared by the new-appointment and
the move dialogs (a promoted widget in both forms, ui/repeatfields.ui)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from ...rules.series import Frequency
from ..forms.ui_repeatfields import Ui_RepeatFields


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class RepeatFields(QWidget):
    """Weekly / every 2 weeks / monthly by weekday; ends after a count or on a date.

    Built by a form's ``setupUi`` with only a parent, so the dialog calls ``configure`` with
    the first day and whether "Does not repeat" is a choice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RepeatFields()
        self.ui.setupUi(self)
        self.ui.repeatCombo.currentIndexChanged.connect(self._sync)

    def configure(self, first_day: date, *, allow_none: bool) -> None:
        combo = self.ui.repeatCombo
        combo.blockSignals(True)
        combo.clear()
        if allow_none:
            combo.addItem("Does not repeat", None)
        for f in Frequency:
            combo.addItem(f.label, f)
        combo.blockSignals(False)
        self.ui.untilDate.setDate(qdate(first_day + timedelta(weeks=12)))
        self._sync()

    def _sync(self) -> None:
        self.ui.endsRow.setEnabled(self.ui.repeatCombo.currentData() is not None)

    def value(self) -> tuple[Frequency | None, date | None, int | None]:
        """(frequency, until, count): a series ends on a date or after a count, never both."""
        freq = self.ui.repeatCombo.currentData()
        if freq is None:
            return None, None, None
        if self.ui.endsOnRadio.isChecked():
            return freq, pydate(self.ui.untilDate.date()), None
        return freq, None, self.ui.countSpin.value()

    def set_frequency(self, frequency: Frequency) -> None:
        self.ui.repeatCombo.setCurrentIndex(self.ui.repeatCombo.findData(frequency))
