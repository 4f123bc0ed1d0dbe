"""Where the cancel dialog used to live: it is now the package ``gui.client.cancel``, one
module per step. Kept so existing imports of ``cancel_dialog.CancelDialog`` still work."""

from __future__ import annotations

from .cancel import CancelDialog

__all__ = ["CancelDialog"]
