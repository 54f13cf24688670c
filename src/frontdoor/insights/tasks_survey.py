"""Background work for the partnership health survey (django-tasks)."""

from django_tasks import task


@task()
def remind_survey_round(round_id: int) -> int:
    from .models import SurveyRound
    from .services_survey import survey_round_remind

    survey_round = SurveyRound.objects.filter(pk=round_id).first()
    return survey_round_remind(survey_round=survey_round) if survey_round else 0
