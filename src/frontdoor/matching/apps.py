from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "frontdoor.matching"
    verbose_name = "Identity matching"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from frontdoor.people.models import AgencyRecord, Person

        from . import (
            access,  # noqa: F401  (registers the access rules)
            index,
        )

        # Plumbing: the blocking-key index follows every save of a record or person.
        post_save.connect(index.record_saved, sender=AgencyRecord, dispatch_uid="matching.record")
        post_save.connect(index.person_saved, sender=Person, dispatch_uid="matching.person")
