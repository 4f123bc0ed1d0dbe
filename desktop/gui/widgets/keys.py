"""A second key for a button that already has a mnemonic.

``QAbstractButton.setShortcut`` replaces the Alt+letter that an ``&`` in the
text gives, so a button that should answer both (``&Send`` and Ctrl+Return)
gets its extra key from a ``QShortcut`` instead. The shortcut lives on the
button: it is active only while the button is visible, and it clicks only an
enabled button, as a person's click would.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton


def extra_shortcut(button: QAbstractButton, sequence: str | QKeySequence.StandardKey) -> QShortcut:
    shortcut = QShortcut(QKeySequence(sequence), button)
    shortcut.activated.connect(lambda: button.isEnabled() and button.animateClick())
    text = QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{button.accessibleName() or button.text().replace('&', '')} ({text})")
    return shortcut
