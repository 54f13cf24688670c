"""The insights panels on "My work" (wired in by core.work)."""

from __future__ import annotations

from django.urls import reverse

from frontdoor.core.work import Panel


def survey_panels(practitioner) -> list[Panel]:
    """Ask every practitioner to answer the partnership health survey while a round is open."""
    from .services_survey import survey_has_answered, survey_round_open_today

    open_round = survey_round_open_today()
    if open_round is None or survey_has_answered(
        survey_round=open_round, practitioner=practitioner
    ):
        return []
    return [
        Panel(
            "Partnership health survey",
            f"Round {open_round.number} is open until {open_round.closes_on:%-d %B %Y}. "
            "It takes about 10 minutes, and your answers are anonymous.",
            reverse("insights:health_answer", args=[open_round.number]),
            "Answer this round",
        )
    ]
