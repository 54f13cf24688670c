"""Front Door's identity-matching engine: pure Python, no Django.

    from frontdoor.matching.engine import Record, MatchModel, blocking_keys, normalise

``train`` and ``link`` (batch linkage with Splink) are imported lazily, so that scoring a
pair at intake never loads Splink or DuckDB.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import normalise
from .blocking import BLOCKING_RULES, blocking_keys
from .comparisons import COMPARISONS
from .model import Contribution, MatchModel, Score
from .records import Record

if TYPE_CHECKING:
    from .linkage import link, train

__all__ = [
    "BLOCKING_RULES",
    "COMPARISONS",
    "Contribution",
    "MatchModel",
    "Record",
    "Score",
    "blocking_keys",
    "link",
    "normalise",
    "train",
]


def __getattr__(name: str) -> Any:
    if name in {"train", "link"}:
        from . import linkage

        return getattr(linkage, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
