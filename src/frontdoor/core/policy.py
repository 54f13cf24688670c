"""One policy for access: "may this practitioner do this to this object?".

Every rule is registered here by name from an app's ``access.py`` and every view
and API endpoint reaches it through those modules. Keep rules to one condition
per line so that coverage shows each case is tested (STYLE.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Rule = Callable[[Any, Any], bool]

_RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register ``func(practitioner, obj) -> bool`` as the rule called ``name``."""

    def register(func: Rule) -> Rule:
        if name in _RULES and _RULES[name] is not func:
            raise ValueError(f"access rule {name!r} is registered twice")
        _RULES[name] = func
        return func

    return register


def may(practitioner: Any, permission: str, obj: Any = None) -> bool:
    """Answer whether ``practitioner`` holds ``permission`` (on ``obj`` if given)."""
    if practitioner is None:
        return False
    if not practitioner.is_authenticated:
        return False
    if not practitioner.is_active:
        return False
    try:
        check = _RULES[permission]
    except KeyError:
        raise LookupError(f"no access rule called {permission!r}") from None
    return bool(check(practitioner, obj))
