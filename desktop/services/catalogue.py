"""The cancellation-reasons catalogue the services check answers against."""

from __future__ import annotations

from functools import cache

from ..paths import resource
from ..rules.reasons import Catalogue, load_catalogue


@cache
def reasons_catalogue() -> Catalogue:
    return load_catalogue(resource("reasons.json"))
