from django.shortcuts import render

from .permissions import PUBLIC, SIGNED_IN, permission


@permission(SIGNED_IN)
def home(request):
    """ "My work": each role's lists, filled in as the parts of Front Door land."""
    return render(request, "core/home.html", {"sections": home_sections(request.user)})


def home_sections(practitioner) -> list[dict]:
    from frontdoor.agencies.roles import Role

    role = practitioner.role
    sections = {
        Role.FRONTLINE: [
            ("Referrals I have made", "You have not made any referrals."),
            ("Information requests to answer", "Your agency has no information requests waiting."),
            ("Actions assigned to me", "You have no actions assigned to you."),
        ],
        Role.HUB_PRACTITIONER: [
            ("Contacts to triage", "There are no contacts waiting for triage."),
            ("Information requests I am waiting for", "You are not waiting for any information."),
            ("Actions assigned to me", "You have no actions assigned to you."),
        ],
        Role.HUB_MANAGER: [
            ("Contacts past their deadline", "No contacts are past their deadline."),
            ("Decisions awaiting sign-off", "No decisions are waiting for you."),
            ("Today's daily risk meeting", "No meeting is scheduled for today."),
        ],
        Role.MEETING_CHAIR: [
            ("My next meetings", "You are not chairing any meetings."),
            ("Overdue actions from my meetings", "No actions are overdue."),
        ],
        Role.PARTNERSHIP_MANAGER: [
            ("Partnership timeliness", "There are no figures yet."),
            ("Open disagreements", "There are no open disagreements."),
            ("Structures due for review", "No structures are due for review."),
        ],
        Role.ANALYST: [
            ("Linkage runs", "No linkage runs have been made."),
            ("Recurrent individual cohorts", "No cohorts have been built."),
        ],
        Role.ADMINISTRATOR: [
            ("Practitioners", "Add and manage practitioners, their agencies, teams and roles."),
            ("Audit trail", "See who viewed, changed, shared or exported which record."),
        ],
    }
    return [{"title": t, "empty": e} for t, e in sections.get(role, [])]


@permission(PUBLIC)
def accessibility(request):
    return render(request, "core/accessibility.html")
