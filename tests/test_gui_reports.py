"""Reports, for the practice owner: filters, charts, tables, Save as CSV and PDF."""

from __future__ import annotations

import csv
from datetime import date

from PySide6.QtWidgets import QFileDialog

from desktop.rules import reports as rules
from desktop.services import reports
from desktop.store.models import Provider, Role, User
from tests.guikit import click, make_controller, show_page, sign_in, wait_reads


def _reports(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")  # the demo's owner
    page = show_page(window, "reports")
    qtbot.waitUntil(lambda: page.report is not None)
    return window, page


def test_the_owners_report_shows_the_services_figures_and_filters_by_provider(qtbot, demo_db, now, tmp_path):
    window, page = _reports(qtbot, demo_db, now, tmp_path)
    first, months, provider = page.choices()
    assert months == 12 and provider is None and first.day == 1
    want = reports.practice_report(window.ctx.actor, first, months, now=now)
    assert page.report == want
    text = page.tables.toPlainText()
    for label in want.months:
        assert label in text
    total = sum(a.booked for a in want.attendance)
    assert total > 0 and str(total) not in ("0",)
    assert "not covered" in text.lower() or "self-pay" in text.lower()
    assert len(page.rates_chart.categories) == len(want.months) and page.lead_chart.mark is not None
    assert page.rates_chart.accessibleDescription().startswith(page.rates_chart.title)
    # One provider.
    other = Provider.select(Provider.id).join(User).where(User.username != "dr.rivera").order_by(Provider.id).scalar()
    loads = page.loads
    page.provider_combo.setCurrentIndex(page.provider_combo.findData(other))
    qtbot.waitUntil(lambda: page.loads > loads)
    assert [p for p, _ in page.report.providers] == [other]
    assert page.report == reports.practice_report(window.ctx.actor, first, months, other, now=now)
    # A shorter period.
    loads = page.loads
    page.months_spin.setValue(3)
    qtbot.waitUntil(lambda: page.loads > loads)
    assert len(page.report.months) == 3


def test_save_as_csv_and_pdf(qtbot, demo_db, now, tmp_path, monkeypatch):
    window, page = _reports(qtbot, demo_db, now, tmp_path)
    target = {"path": tmp_path / "report.csv"}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target["path"]), "")))
    click(qtbot, page.csv_button)
    with target["path"].open(newline="", encoding="utf-8") as f:
        rows = [tuple(r) for r in csv.reader(f)]
    assert rows == rules.csv_rows(page.report)
    assert "Saved the report" in window.statusBar().currentMessage()
    target["path"] = tmp_path / "report.pdf"
    click(qtbot, page.pdf_button)
    data = target["path"].read_bytes()
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:] and len(data) > 5000


def test_reports_are_for_the_owner_only(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    owner = User.get(User.username == "dr.rivera")
    other = User.select().where(User.role == Role.PROVIDER, User.id != owner.id).order_by(User.id).first()
    window = sign_in(qtbot, controller, other.username)
    assert "reports" not in window.pages
    wait_reads(qtbot, window)


def test_months_before_and_the_notice_mark():
    from desktop.gui.reports.page import _months_before

    assert _months_before(date(2026, 11, 1), 11) == date(2025, 12, 1)
    assert _months_before(date(2026, 1, 1), 1) == date(2025, 12, 1)


def test_the_filters_and_buttons_have_keys_of_their_own(qtbot, demo_db, now, tmp_path):
    from tests.guikit import assert_main_actions_have_their_own_keys

    window, page = _reports(qtbot, demo_db, now, tmp_path)
    assert_main_actions_have_their_own_keys(window, [page.csv_button, page.pdf_button])
