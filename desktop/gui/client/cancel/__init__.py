"""The client's cancel flow, one module per step: ``reason_form`` (what and why, with the
catalogue's follow-up questions and resources), ``series_preview`` (what "all upcoming"
cancels and what stays, and why), ``confirm_one`` (one appointment: "Then, confirm your
cancellation"), ``confirmation`` (Reschedule / Return to dashboard), and
``dialog``, the thin controller that steps through them and calls the services."""

from __future__ import annotations

from .dialog import CancelDialog

__all__ = ["CancelDialog"]
