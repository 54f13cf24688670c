"""What each part of Front Door holds about a person, for the subject access bundle.

Each builder returns :class:`SarItem` s whose ``key`` is "<record type>:<id>" (redactions point at
it) and whose ``third_party_names`` are other people named in the item, redacted by default.
"""

from __future__ import annotations

from django.db.models import Q

from .registry import SarField, SarItem, SarSection, register_sar_section


def _f(name: str, label: str, value) -> SarField:
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "Yes" if value else "No"
    elif hasattr(value, "strftime"):
        text = value.strftime("%d %b %Y %H:%M") if hasattr(value, "hour") else f"{value:%d %b %Y}"
    else:
        text = str(value)
    return SarField(name, label, text)


def _fields(*triples) -> list[SarField]:
    return [_f(*t) for t in triples if t[2] not in (None, "", [], {})]


def _subjects_of(person):
    from frontdoor.referrals.models import Subject

    return Subject.objects.filter(person=person).select_related("contact")


def _contact_ids(person) -> list[int]:
    return list(_subjects_of(person).values_list("contact_id", flat=True).distinct())


def index_record(person) -> list[SarItem]:
    from frontdoor.people.models import AgencyRecord, Alias, Relationship

    items = [
        SarItem(
            key=f"people.person:{person.pk}",
            title="Your record on the partnership's person index",
            fields=_fields(
                ("given_names", "Given names", person.given_names),
                ("family_name", "Family name", person.family_name),
                ("date_of_birth", "Date of birth", person.date_of_birth),
                ("sex", "Sex", person.get_sex_display()),
                ("ethnicity", "Ethnicity", person.get_ethnicity_display()),
                ("nhs_number", "NHS number", person.nhs_number),
                ("address", "Address", person.address),
                ("postcode", "Postcode", person.postcode),
                ("created_at", "Added to the index", person.created_at),
            ),
        )
    ]
    for alias in Alias.objects.filter(person=person):
        items.append(
            SarItem(
                key=f"people.alias:{alias.pk}",
                title=f"Another name: {alias.get_kind_display().lower()}",
                fields=_fields(
                    ("given_names", "Given names", alias.given_names),
                    ("family_name", "Family name", alias.family_name),
                ),
            )
        )
    for record in AgencyRecord.objects.filter(person=person).select_related("agency"):
        items.append(
            SarItem(
                key=f"people.agencyrecord:{record.pk}",
                title=f"{record.agency}'s record ({record.get_kind_display()})",
                fields=_fields(
                    ("source_ref", "Their reference", record.source_ref),
                    ("given_names", "Given names", record.given_names),
                    ("middle_names", "Middle names", record.middle_names),
                    ("family_name", "Family name", record.family_name),
                    ("date_of_birth", "Date of birth", record.date_of_birth),
                    ("address", "Address", record.address),
                    ("postcode", "Postcode", record.postcode),
                    ("nhs_number", "NHS number", record.nhs_number),
                    ("upn", "Unique pupil number", record.upn),
                    ("recorded_at", "Recorded", record.recorded_at),
                ),
            )
        )
    relationships = Relationship.objects.filter(
        Q(from_person=person) | Q(to_person=person)
    ).select_related("from_person", "to_person")
    for link in relationships:
        other = link.to_person if link.from_person_id == person.pk else link.from_person
        items.append(
            SarItem(
                key=f"people.relationship:{link.pk}",
                title="A relationship recorded with another person",
                fields=_fields(
                    ("kind", "Relationship", link.get_kind_display()),
                    ("other", "With", str(other)),
                    ("starts_on", "From", link.starts_on),
                    ("ends_on", "Until", link.ends_on),
                ),
                third_party_names=[str(other)],
            )
        )
    return items


def contacts(person) -> list[SarItem]:
    from frontdoor.referrals.models import Contact, Subject

    items = []
    contact_ids = _contact_ids(person)
    for contact in (
        Contact.objects.filter(pk__in=contact_ids)
        .select_related("referrer_agency")
        .prefetch_related("subjects", "timeline")
        .order_by("created_at")
    ):
        mine = [s for s in contact.subjects.all() if s.person_id == person.pk]
        others = [s for s in contact.subjects.all() if s.person_id != person.pk]
        fields = _fields(
            ("reference", "Reference", contact.reference),
            ("referrer_agency", "Made by", contact.referrer_agency),
            ("submitted_at", "Sent to the front door", contact.submitted_at),
            ("concerns", "Concerns", ", ".join(contact.concern_labels())),
            ("what_happened", "What happened", contact.what_happened),
            ("professional_opinion", "Professional opinion", contact.professional_opinion),
            ("consent", "Consent", contact.get_consent_display()),
            ("lawful_basis", "Lawful basis for sharing", contact.get_lawful_basis_display()),
            ("rag", "Rating", contact.get_rag_display()),
            ("rag_rationale", "Why that rating", contact.rag_rationale),
        )
        for subject in mine:
            fields += _fields(
                (f"subject_{subject.pk}_role", "Your role in it", subject.get_role_display()),
                (f"subject_{subject.pk}_name", "Your name as given", str(subject)),
                (f"subject_{subject.pk}_dob", "Your date of birth as given", subject.date_of_birth),
                (f"subject_{subject.pk}_address", "Your address as given", subject.address),
                (f"subject_{subject.pk}_school", "School or GP", subject.school_or_gp),
            )
        for index, subject in enumerate(others, start=1):
            fields += _fields(
                (
                    f"other_{subject.pk}",
                    f"Another person in it ({index})",
                    f"{subject} ({Subject.Role(subject.role).label.lower()})",
                )
            )
        decision = getattr(contact, "decision", None)
        if decision is not None:
            fields += _fields(
                ("decision", "Decision", decision.get_outcome_display()),
                ("decision_rationale", "Why", decision.rationale),
                ("decision_feedback", "What the referrer was told", decision.feedback_to_referrer),
                ("decided_at", "Decided", decision.decided_at),
            )
        timeline = "\n".join(
            f"{entry.at:%d %b %Y %H:%M}: {entry.summary}" for entry in contact.timeline.all()
        )
        fields += _fields(("timeline", "What happened to the contact", timeline))
        items.append(
            SarItem(
                key=f"referrals.contact:{contact.pk}",
                title=f"Contact {contact.reference or contact.pk}",
                fields=fields,
                third_party_names=[str(s) for s in others],
            )
        )
    return items


def _other_names(contact_id: int, person) -> list[str]:
    from frontdoor.referrals.models import Subject

    return [str(s) for s in Subject.objects.filter(contact_id=contact_id).exclude(person=person)]


def information_requests(person) -> list[SarItem]:
    from frontdoor.sharing.models import Category, InformationRequest

    labels = dict(Category.choices)
    items = []
    requests = (
        InformationRequest.objects.filter(subjects__person=person)
        .distinct()
        .select_related("to_agency", "contact")
        .order_by("requested_at")
    )
    for request in requests:
        answers = "\n".join(
            f"{labels.get(category, category)}: {text}"
            for category, text in (request.answers or {}).items()
        )
        items.append(
            SarItem(
                key=f"sharing.informationrequest:{request.pk}",
                title=f"Information asked of {request.to_agency} about contact "
                f"{request.contact.reference}",
                fields=_fields(
                    ("requested_at", "Asked", request.requested_at),
                    ("categories", "What was asked", ", ".join(request.category_labels())),
                    ("window", "For the period", request.get_window_display()),
                    ("purpose", "Why", request.purpose),
                    ("status", "Answer", request.get_status_display()),
                    ("answers", "What they said", answers),
                    ("declined_reason", "Why they declined", request.declined_reason),
                    ("answered_at", "Answered", request.answered_at),
                ),
                third_party_names=_other_names(request.contact_id, person),
            )
        )
    return items


def meeting_items(person) -> list[SarItem]:
    from frontdoor.meetings.models import AgendaItem

    items = []
    agenda = (
        AgendaItem.objects.filter(Q(person=person) | Q(contact__in=_contact_ids(person)))
        .distinct()
        .select_related("meeting")
        .prefetch_related("information__agency")
        .order_by("meeting__starts_at")
    )
    for item in agenda:
        fields = _fields(
            (
                "meeting",
                "Meeting",
                f"{item.meeting.get_type_display()}, {item.meeting.starts_at:%d %b %Y}",
            ),
            ("decisions", "Decisions", item.decisions),
        )
        for shared in item.information.all():
            fields += _fields(
                (f"facts_{shared.pk}", f"What {shared.agency} shared (facts)", shared.facts),
                (f"opinion_{shared.pk}", f"{shared.agency}'s professional opinion", shared.opinion),
            )
        items.append(
            SarItem(
                key=f"meetings.agendaitem:{item.pk}",
                title=f"Discussed at a {item.meeting.get_type_display().lower()}",
                fields=fields,
                third_party_names=_other_names(item.contact_id, person) if item.contact_id else [],
            )
        )
    return items


def plans(person) -> list[SarItem]:
    from frontdoor.plans.models import Plan

    items = []
    found = (
        Plan.objects.filter(Q(people=person) | Q(contact__in=_contact_ids(person)))
        .distinct()
        .prefetch_related("actions__owner_agency")
        .order_by("created_at")
    )
    for plan in found:
        fields = _fields(
            ("title", "Plan", plan.title),
            ("own_words", "In your own words", plan.own_words),
            ("needs", "Needs", plan.needs),
            ("trusted_person", "Trusted person", plan.trusted_person),
            ("status", "Status", plan.get_status_display()),
            ("review_on", "Review date", plan.review_on),
        )
        for action in plan.actions.all():
            fields += _fields(
                (
                    f"action_{action.pk}",
                    f"Action for {action.owner_agency}",
                    f"{action.what} (due {action.due_on:%d %b %Y}; {action.get_status_display().lower()})"
                    + (f": {action.outcome}" if action.outcome else ""),
                )
            )
        items.append(
            SarItem(
                key=f"plans.plan:{plan.pk}",
                title=f"Multi-agency plan made {plan.created_at:%d %b %Y}",
                fields=fields,
                third_party_names=[str(p) for p in plan.people.exclude(pk=person.pk)]
                + (_other_names(plan.contact_id, person) if plan.contact_id else []),
            )
        )
    return items


def dash_assessments(person) -> list[SarItem]:
    from frontdoor.meetings.models import DashAssessment

    items = []
    for assessment in DashAssessment.objects.filter(person=person).prefetch_related(
        "answers__question"
    ):
        answers = "\n".join(
            f"{a.question.number}. {a.question.text} {a.get_answer_display()}"
            for a in assessment.answers.all()
        )
        items.append(
            SarItem(
                key=f"meetings.dashassessment:{assessment.pk}",
                title=f"DASH risk assessment, {assessment.completed_on:%d %b %Y}",
                fields=_fields(
                    ("answers", "Answers", answers),
                    ("victim_comments", "Your comments", assessment.victim_comments),
                    ("judgement_reason", "Professional judgement", assessment.judgement_reason),
                ),
            )
        )
    return items


def disagreements(person) -> list[SarItem]:
    from frontdoor.disagreements.models import Disagreement

    items = []
    for disagreement in Disagreement.objects.filter(
        contact__in=_contact_ids(person)
    ).select_related("raised_by_agency", "other_agency"):
        items.append(
            SarItem(
                key=f"disagreements.disagreement:{disagreement.pk}",
                title=f"A disagreement between {disagreement.raised_by_agency} and "
                f"{disagreement.other_agency}",
                fields=_fields(
                    ("disputed", "What was disputed", disagreement.disputed),
                    ("issue", "The issue", disagreement.issue),
                    ("wanted", "What was wanted instead", disagreement.wanted),
                    ("resolution", "Resolution", disagreement.resolution),
                ),
                third_party_names=_other_names(disagreement.contact_id, person),
            )
        )
    return items


def encompass(person) -> list[SarItem]:
    """Notifications name the child rather than link to the index: matched on name and birth date."""
    from frontdoor.sharing.models import EncompassNotification

    if not person.date_of_birth:
        return []
    found = EncompassNotification.objects.filter(
        child_given_names__iexact=person.given_names,
        child_family_name__iexact=person.family_name,
        child_date_of_birth=person.date_of_birth,
    ).select_related("school")
    return [
        SarItem(
            key=f"sharing.encompassnotification:{n.pk}",
            title=f"Operation Encompass notification to {n.school}",
            fields=_fields(
                ("occurred_at", "Incident", n.occurred_at),
                ("circumstances", "What the school was told", n.circumstances),
                ("voice_of_child", "What you said", n.voice_of_child),
            ),
        )
        for n in found
    ]


def incidents(person) -> list[SarItem]:
    """Police incidents the person is named in, with their role; the others named are third
    parties (redacted by default)."""
    from frontdoor.incidents.models import IncidentParty

    parties = (
        IncidentParty.objects.filter(person=person)
        .select_related("incident", "incident__agency")
        .order_by("incident__occurred_at", "pk")
    )
    items = []
    for party in parties:
        incident = party.incident
        others = [
            f"{o.given_names} {o.family_name}".strip()
            for o in incident.parties.exclude(person=person)
        ]
        items.append(
            SarItem(
                key=f"incidents.incidentparty:{party.pk}",
                title=f"Police incident {incident.ref} ({incident.agency})",
                fields=_fields(
                    ("occurred_at", "When", incident.occurred_at),
                    ("role", "Your role", party.get_role_display()),
                    ("incident_type", "Type", incident.get_incident_type_display()),
                    ("offence", "Offence", incident.offence_description),
                    ("domestic_abuse", "Domestic abuse", incident.domestic_abuse),
                    ("area", "Area", incident.area),
                    ("postcode", "Postcode", incident.postcode),
                    ("given_names", "Given names recorded", party.given_names),
                    ("family_name", "Family name recorded", party.family_name),
                    ("date_of_birth", "Date of birth recorded", party.date_of_birth),
                ),
                third_party_names=[name for name in others if name],
            )
        )
    return items


def match_decisions(person) -> list[SarItem]:
    """Decisions about whether agencies' records are this person: reviews and merges."""
    from frontdoor.matching.models import MergeEvent, ReviewItem

    items = []
    reviews = ReviewItem.objects.filter(
        Q(record__person=person) | Q(other_person=person) | Q(other_record__person=person)
    ).distinct()
    for review in reviews:
        items.append(
            SarItem(
                key=f"matching.reviewitem:{review.pk}",
                title="A check whether two records are the same person",
                fields=_fields(
                    ("created_at", "Raised", review.created_at),
                    ("probability", "How likely the same person", f"{review.probability:.0%}"),
                    ("status", "Decision", review.get_status_display()),
                    ("decided_at", "Decided", review.decided_at),
                    ("reason", "Reason given", review.reason),
                ),
            )
        )
    for event in MergeEvent.objects.filter(Q(from_person=person) | Q(to_person=person)):
        items.append(
            SarItem(
                key=f"matching.mergeevent:{event.pk}",
                title=f"Records {event.get_kind_display().lower()} on the person index",
                fields=_fields(
                    ("created_at", "When", event.created_at),
                    ("reason", "Reason given", event.reason),
                    ("undone_at", "Undone", event.undone_at),
                ),
            )
        )
    return items


for _section in (
    SarSection("index", "The person index", index_record),
    SarSection("contacts", "Contacts and referrals", contacts),
    SarSection("requests", "Information requests and responses", information_requests),
    SarSection("meetings", "Meetings", meeting_items),
    SarSection("plans", "Plans and actions", plans),
    SarSection("dash", "Domestic abuse risk assessments", dash_assessments),
    SarSection("disagreements", "Professional disagreements", disagreements),
    SarSection("encompass", "Operation Encompass notifications", encompass),
    SarSection("incidents", "Police incidents", incidents),
    SarSection("matching", "Decisions about which records are you", match_decisions),
):
    register_sar_section(_section)
