from frontdoor.agencies.roles import Role
from frontdoor.core.testing.matrix import Endpoint, roles_else

ENDPOINTS = [
    Endpoint("audit:list", roles_else([Role.ADMINISTRATOR])),
    Endpoint("audit:export", roles_else([Role.ADMINISTRATOR])),
]
