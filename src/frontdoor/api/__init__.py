"""Front Door's JSON API (issue 4, item 8): for agencies' own systems to make referrals, read
their status, and list and answer the information requests addressed to them.

Same permissions as the pages: every operation declares a ``core.policy`` rule (see
``auth.operation``) and reads objects only through ``referrals.access`` and ``sharing.access``.
"""
