"""Retention and subject access in the permission matrix.

Administrators alone set rules and handle subject access requests; everyone else is refused
(403, or 404 where the URL names a record). A
record is reviewed by its owner: hub managers own the front door's contacts, so the matrix's
contact opens for hub managers at either agency and is 404 (it does not exist for them) to
everyone else. The reviews list is everyone's own (empty for most). POSTs without data: 422 for
whoever may act, and nothing changes.
"""

from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.matrix import REFUSED, Endpoint, everyone, roles_else

ADMIN = {Role.ADMINISTRATOR}
SECRET = "Tell-tale: Zara Quillfeather's subject access request"  # noqa: S105


def _sar(world):
    if "sar" not in world.objects:
        from frontdoor.governance.services import redaction_add, sar_open
        from frontdoor.people.models import Person

        person = Person.objects.create(given_names="Zara", family_name="Quillfeather")
        admin = world.personas[(Role.ADMINISTRATOR, True)]
        sar = sar_open(
            by=admin,
            person=person,
            requester_name=SECRET,
            requester_is="self",
            received_on=timezone.localdate(),
        )
        redaction = redaction_add(
            by=admin,
            request=sar,
            item_key=f"people.person:{person.pk}",
            field="address",
            passage="",
            reason="Matrix",
        )
        world.objects.update(sar=sar, sar_person=person, sar_redaction=redaction)
    return world.objects["sar"]


def sar(world):
    return {"pk": _sar(world).pk}


def person(world):
    _sar(world)
    return {"person_pk": world.objects["sar_person"].pk}


def redaction(world):
    _sar(world)
    return {"pk": world.objects["sar"].pk, "redaction_pk": world.objects["sar_redaction"].pk}


def contact_review(world):
    return {"key": "referrals.contact", "object_id": world.objects["contact"].pk}


def rule(world):
    if "retention_rule" not in world.objects:
        from frontdoor.governance.models import RetentionRule

        world.objects["retention_rule"] = RetentionRule.objects.create(
            record_type="referrals.contact",
            agency=world.uninvolved,
            period_months=72,
            source="Matrix",
            updated_at=timezone.now(),
        )
    return {"pk": world.objects["retention_rule"].pk}


def contacts(world):
    return {"key": "referrals.contact"}


def secret(world):
    return SECRET


def nothing(world):
    return {}


def hub_managers_else_404(ok=200):
    return lambda role, involved: ok if role == Role.HUB_MANAGER else 404


def admin(ok=200):
    return roles_else(ADMIN, ok=ok)


ENDPOINTS = [
    Endpoint("governance:rules", admin()),
    Endpoint("governance:erasures", admin()),
    Endpoint("governance:rule_edit", admin(), kwargs=contacts),
    Endpoint("governance:rule_edit", admin(422), kwargs=contacts, method="post", data=nothing),
    Endpoint("governance:rule_agency", admin(), kwargs=contacts),
    Endpoint("governance:rule_agency", admin(422), kwargs=contacts, method="post", data=nothing),
    # Removing: run last for the administrators (the rule is gone afterwards: 404).
    Endpoint("governance:reviews", everyone()),
    Endpoint("governance:review", hub_managers_else_404(), kwargs=contact_review),
    Endpoint(
        "governance:review",
        hub_managers_else_404(422),
        kwargs=contact_review,
        method="post",
        data=nothing,
    ),
    Endpoint("governance:sar_list", admin(), secret=secret),
    Endpoint("governance:sar_new", admin()),
    Endpoint("governance:sar_new", admin(), data=lambda world: {"q": "Quillfeather"}),
    Endpoint("governance:sar_open", admin(), kwargs=person),
    Endpoint("governance:sar_open", admin(422), kwargs=person, method="post", data=nothing),
    Endpoint("governance:sar", admin(), kwargs=sar, secret=secret),
    Endpoint("governance:sar_extend", admin(), kwargs=sar, secret=secret),
    Endpoint(
        "governance:sar_extend", admin(422), kwargs=sar, method="post", data=nothing, secret=secret
    ),
    Endpoint("governance:sar_close", admin(), kwargs=sar, secret=secret),
    Endpoint(
        "governance:sar_close", admin(422), kwargs=sar, method="post", data=nothing, secret=secret
    ),
    Endpoint("governance:sar_redact", admin(), kwargs=sar, secret=secret),
    Endpoint(
        "governance:sar_redact", admin(422), kwargs=sar, method="post", data=nothing, secret=secret
    ),
    Endpoint("governance:sar_bundle", admin(), kwargs=sar, secret=secret),
    Endpoint("governance:sar_release", admin(), kwargs=sar, secret=secret),
    Endpoint(
        "governance:sar_release", admin(422), kwargs=sar, method="post", data=nothing, secret=secret
    ),
    Endpoint(
        "governance:sar_redaction_remove",
        lambda role, involved: (
            (302 if involved else 404) if role == Role.ADMINISTRATOR else REFUSED
        ),
        kwargs=redaction,
        method="post",
        data=nothing,
        secret=secret,
    ),
    Endpoint(
        "governance:rule_remove",
        lambda role, involved: (
            (302 if involved else 404) if role == Role.ADMINISTRATOR else REFUSED
        ),
        kwargs=rule,
        method="post",
        data=lambda world: {"version": world.objects["retention_rule"].version},
    ),
]
