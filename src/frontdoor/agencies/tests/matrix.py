from frontdoor.agencies.roles import Role
from frontdoor.core.testing.matrix import Endpoint, everyone, involved_roles_else, roles_else

ADMIN = [Role.ADMINISTRATOR]
PROFILE_MAINTAINERS = [Role.HUB_MANAGER, Role.PARTNERSHIP_MANAGER]


def subject(world):
    return {"pk": world.objects["subject_practitioner"].pk}


def subject_email(world):
    return world.objects["subject_practitioner"].email


ENDPOINTS = [
    Endpoint("agencies:list", everyone()),
    Endpoint("agencies:detail", everyone(), kwargs=lambda w: {"pk": w.involved.pk}),
    Endpoint(
        "agencies:profile_edit",
        involved_roles_else(ADMIN, PROFILE_MAINTAINERS, elsewhere=403),
        kwargs=lambda w: {"pk": w.involved.pk},
    ),
    Endpoint("agencies:create", roles_else(ADMIN)),
    Endpoint("agencies:team_create", roles_else(ADMIN), kwargs=lambda w: {"pk": w.involved.pk}),
    Endpoint("agencies:practitioner_list", roles_else(ADMIN), secret=subject_email),
    Endpoint("agencies:practitioner_create", roles_else(ADMIN)),
    # A practitioner's account is personal data: others cannot tell it exists.
    Endpoint(
        "agencies:practitioner_detail",
        roles_else(ADMIN, otherwise=404),
        kwargs=subject,
        secret=subject_email,
    ),
    Endpoint("agencies:practitioner_edit", roles_else(ADMIN), kwargs=subject, secret=subject_email),
    Endpoint(
        "agencies:practitioner_reset_second_factor",
        roles_else(ADMIN, ok=302),
        kwargs=subject,
        method="post",
        secret=subject_email,
    ),
    Endpoint("agencies:my_account", everyone()),
]
