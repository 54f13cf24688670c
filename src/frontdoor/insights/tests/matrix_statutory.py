from frontdoor.agencies.roles import Role
from frontdoor.core.testing.matrix import Endpoint, roles_else

ALLOWED = [Role.ANALYST, Role.ADMINISTRATOR]


def _kind(kind):
    return lambda world: {"kind": kind}


ENDPOINTS = [
    Endpoint("insights:statutory_index", roles_else(ALLOWED)),
    Endpoint("insights:statutory_columns", roles_else(ALLOWED)),
    *[
        Endpoint("insights:statutory_export", roles_else(ALLOWED), kwargs=_kind(kind))
        for kind in ("annex-a", "cin", "ssd")
    ],
    # A post without a reason or code: the allowed roles get the form back, nothing exported.
    *[
        Endpoint(
            "insights:statutory_export",
            roles_else(ALLOWED, ok=422),
            kwargs=_kind(kind),
            method="post",
            data=lambda world: {"start": "2026-01-01", "end": "2026-01-31"},
        )
        for kind in ("annex-a", "cin", "ssd")
    ],
]
