"""Use cases: the only code that writes.

Every write takes the acting user (an :class:`~desktop.services.actor.Actor`),
checks role and ownership here (a hidden button is not security), runs in one
transaction that also writes its audit event, and returns an
:class:`~desktop.services.result.OpResult` saying what changed.
"""
