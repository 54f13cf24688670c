"""Shared by the import commands: which agency or practitioner owns the imported services."""

from __future__ import annotations

from django.core.management.base import CommandError

from frontdoor.agencies.models import Agency, Practitioner


def add_owner_arguments(parser) -> None:
    owner = parser.add_mutually_exclusive_group(required=True)
    owner.add_argument(
        "--owner-agency", help="Name or number of the agency that owns new services."
    )
    owner.add_argument(
        "--owner-username", help="Username of the practitioner who owns new services."
    )


def owner_from(options) -> dict:
    if options.get("owner_agency"):
        value = options["owner_agency"]
        agency = (
            Agency.objects.filter(pk=int(value)).first()
            if value.isdigit()
            else Agency.objects.filter(name=value).first()
        )
        if agency is None:
            raise CommandError(f"No agency called or numbered {value!r}")
        return {"owner_agency": agency}
    practitioner = Practitioner.objects.filter(username=options["owner_username"]).first()
    if practitioner is None:
        raise CommandError(f"No practitioner with the username {options['owner_username']!r}")
    return {"owner_practitioner": practitioner}


def refused(error) -> CommandError:
    lines = [f"Nothing was imported: {len(error.problems)} problem(s) in the feed."]
    lines += [f"  {problem}" for problem in error.problems]
    return CommandError("\n".join(lines))
