from frontdoor.core.testing.matrix import Endpoint, everyone

ENDPOINTS = [
    Endpoint("home", everyone()),
    Endpoint("accessibility", everyone()),
    Endpoint("messages", everyone()),
    Endpoint("signin", everyone()),
    # Already past the second factor: the code and set-up pages send you on.
    Endpoint("signin_code", everyone(302)),
    Endpoint("signin_setup", everyone(302)),
    Endpoint("signout", everyone(405)),
]
