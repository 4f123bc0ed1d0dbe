"""Checking the practice's tamper-evident audit trail (the owner's Account menu)."""

from __future__ import annotations

from ..rules.audit_chain import ChainReport
from ..store.audit_chain import verify_stored_chain
from .actor import Actor, require_owner
from .validation import entry_point


@entry_point
def verify_audit_trail(actor: Actor) -> ChainReport:
    """Every audit event checked against its hash and its predecessor's: intact, or the first
    event that was altered, inserted or removed. Reads only; the owner's to run."""
    require_owner(actor)
    return verify_stored_chain()
