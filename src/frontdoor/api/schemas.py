"""What the API accepts and returns (pydantic v2, via Django Ninja): the OpenAPI schema."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from django.utils import timezone
from ninja import Schema
from pydantic import AfterValidator, ConfigDict, Field, field_validator

from frontdoor.core.identifiers import nhs_number_is_valid, normalise_nhs_number
from frontdoor.people import models as people
from frontdoor.referrals import models as referrals
from frontdoor.referrals.models import Contact
from frontdoor.sharing import models as sharing
from frontdoor.sharing.models import InformationRequest


def _api_enum(name: str, choices) -> type[StrEnum]:
    """The model's choices under a name of their own in the OpenAPI schema (two models'
    ``Status`` would otherwise collide)."""
    return StrEnum(name, {member.name: member.value for member in choices})


Concern = _api_enum("Concern", referrals.Concern)
Consent = _api_enum("Consent", referrals.Consent)
LawfulBasis = _api_enum("LawfulBasis", referrals.LawfulBasis)
Rag = _api_enum("Rag", referrals.Rag)
ReferralStatus = _api_enum("ReferralStatus", Contact.Status)
SubjectRole = _api_enum("SubjectRole", referrals.Subject.Role)
Sex = _api_enum("Sex", people.Sex)
RequestStatus = _api_enum("RequestStatus", InformationRequest.Status)
Window = _api_enum("Window", sharing.Window)

MAX_TEXT = 20_000
NHS_NUMBER_MESSAGE = (
    "Enter a valid NHS number: 10 digits, like 943 476 5919. Check it against the record."
)


def _storable(value: str) -> str:
    """Text PostgreSQL keeps exactly: it refuses NUL characters (promise 17). Pydantic
    itself refuses unpaired surrogates."""
    if "\x00" in value:
        raise ValueError("Remove the null character (\\u0000) from the text")
    return value


Text = Annotated[str, AfterValidator(_storable)]


class In(Schema):
    """Unknown fields are refused, not ignored: status, referrer or agency cannot be slipped
    in (promise 4), and a misspelt field is reported instead of silently dropped."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


# Making a referral ----------------------------------------------------------------------


class SubjectIn(In):
    role: SubjectRole = Field(description="The person's role in the referral (DPA 2018 s.38).")
    given_names: Text = Field(min_length=1, max_length=200)
    family_name: Text = Field("", max_length=200)
    date_of_birth: date | None = Field(None, description="ISO date; not in the future.")
    estimated_age: int | None = Field(None, ge=0, le=130, description="If the date is unknown.")
    sex: Sex = Sex.UNKNOWN
    address: Text = Field("", max_length=2_000)
    postcode: Text = Field("", max_length=10)
    school_or_gp: Text = Field("", max_length=200)
    nhs_number: Text = Field(
        "", max_length=20, description="10 digits; spaces or hyphens allowed; check digit checked."
    )
    other_identifiers: Text = Field("", max_length=300)

    @field_validator("given_names")
    @classmethod
    def _named(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("Enter the person's given names")
        return value

    @field_validator("date_of_birth")
    @classmethod
    def _born(cls, value: date | None) -> date | None:
        if value is not None and value > timezone.localdate():
            raise ValueError("The date of birth must be today or in the past")
        return value

    @field_validator("nhs_number")
    @classmethod
    def _nhs_number(cls, value: str) -> str:
        if not value.strip():
            return ""
        if not nhs_number_is_valid(value):
            raise ValueError(NHS_NUMBER_MESSAGE)
        return normalise_nhs_number(value)


class ReferralIn(In):
    subjects: list[SubjectIn] = Field(min_length=1, max_length=50)
    concerns: list[Concern] = Field(min_length=1, max_length=len(Concern))
    what_happened: Text = Field(max_length=MAX_TEXT, description="The facts.")
    professional_opinion: Text = Field(
        "", max_length=MAX_TEXT, description="Your opinion, kept apart from the facts."
    )
    crime_alleged: bool
    immediate_danger: bool = Field(description="True marks the referral red at once.")
    consent: Consent
    lawful_basis: LawfulBasis | None = Field(
        None, description="Required when consent is not given."
    )
    lawful_basis_detail: Text = Field("", max_length=MAX_TEXT)

    def draft_changes(self) -> dict[str, Any]:
        return {
            "concerns": list(dict.fromkeys(self.concerns)),
            "what_happened": self.what_happened,
            "professional_opinion": self.professional_opinion,
            "crime_alleged": self.crime_alleged,
            "immediate_danger": self.immediate_danger,
            "consent": self.consent,
            "lawful_basis": self.lawful_basis or "",
            "lawful_basis_detail": self.lawful_basis_detail,
        }


# Reading a referral ---------------------------------------------------------------------


class DecisionOut(Schema):
    outcome: str
    outcome_label: str
    feedback_to_referrer: str
    decided_at: datetime | None
    rationale: str | None = Field(None, description="Hub roles only.")


class SubjectOut(Schema):
    id: int
    role: SubjectRole
    given_names: str
    family_name: str
    date_of_birth: date | None
    estimated_age: int | None
    sex: Sex
    address: str
    postcode: str
    school_or_gp: str
    nhs_number: str
    other_identifiers: str


class TimelineEntryOut(Schema):
    at: datetime
    summary: str
    agency: str


class ReferralOut(Schema):
    """The referrer sees the status and, once decided, the outcome and the feedback meant
    for them; hub roles also see the fields marked "hub roles only" (null for others)."""

    id: int
    reference: str | None
    status: ReferralStatus
    status_label: str
    submitted_at: datetime | None
    decision_due_at: datetime | None
    rag: Rag | None
    decision: DecisionOut | None = Field(None, description="Once decided.")
    concerns: list[Concern] | None = Field(None, description="Hub roles only.")
    what_happened: str | None = Field(None, description="Hub roles only.")
    professional_opinion: str | None = Field(None, description="Hub roles only.")
    crime_alleged: bool | None = Field(None, description="Hub roles only.")
    immediate_danger: bool | None = Field(None, description="Hub roles only.")
    consent: Consent | None = Field(None, description="Hub roles only.")
    lawful_basis: LawfulBasis | None = Field(None, description="Hub roles only.")
    lawful_basis_detail: str | None = Field(None, description="Hub roles only.")
    subjects: list[SubjectOut] | None = Field(None, description="Hub roles only.")
    timeline: list[TimelineEntryOut] | None = Field(None, description="Hub roles only.")

    @classmethod
    def of(cls, contact: Contact, *, hub: bool) -> ReferralOut:
        fields: dict[str, Any] = {
            "id": contact.pk,
            "reference": contact.reference,
            "status": contact.status,
            "status_label": contact.get_status_display(),
            "submitted_at": contact.submitted_at,
            "decision_due_at": contact.decision_due_at,
            "rag": contact.rag or None,
            "decision": _decision(contact, hub=hub),
        }
        if hub:
            fields.update(
                concerns=list(contact.concerns),
                what_happened=contact.what_happened,
                professional_opinion=contact.professional_opinion,
                crime_alleged=contact.crime_alleged,
                immediate_danger=contact.immediate_danger,
                consent=contact.consent or None,
                lawful_basis=contact.lawful_basis or None,
                lawful_basis_detail=contact.lawful_basis_detail,
                subjects=[SubjectOut.model_validate(s) for s in contact.subjects.all()],
                timeline=[
                    TimelineEntryOut(at=e.at, summary=e.summary, agency=e.actor_agency)
                    for e in contact.timeline.all()
                ],
            )
        return cls(**fields)


def _decision(contact: Contact, *, hub: bool) -> DecisionOut | None:
    """The referrer hears the outcome only once it is final (signed off where it must be)."""
    if contact.status != Contact.Status.DECIDED:
        return None
    decision = contact.decision
    return DecisionOut(
        outcome=decision.outcome,
        outcome_label=decision.get_outcome_display(),
        feedback_to_referrer=decision.feedback_to_referrer,
        decided_at=contact.decided_at,
        rationale=decision.rationale if hub else None,
    )


# Information requests -------------------------------------------------------------------


class RequestSubjectOut(Schema):
    given_names: str
    family_name: str
    date_of_birth: date | None


class InformationRequestOut(Schema):
    id: int
    contact_reference: str | None
    subjects: list[RequestSubjectOut]
    window: Window
    window_label: str
    categories: list[str]
    purpose: str
    lawful_basis: LawfulBasis
    lawful_basis_label: str
    requested_at: datetime
    due_at: datetime
    status: RequestStatus
    version: int = Field(description="Send it back when you answer (body or If-Match).")

    @classmethod
    def fields_of(cls, request: InformationRequest) -> dict[str, Any]:
        return {
            "id": request.pk,
            "contact_reference": request.contact.reference,
            "subjects": [RequestSubjectOut.model_validate(s) for s in request.subjects.all()],
            "window": request.window,
            "window_label": request.get_window_display(),
            "categories": list(request.categories),
            "purpose": request.purpose,
            "lawful_basis": request.lawful_basis,
            "lawful_basis_label": request.get_lawful_basis_display(),
            "requested_at": request.requested_at,
            "due_at": request.due_at,
            "status": request.status,
            "version": request.version,
        }

    @classmethod
    def of(cls, request: InformationRequest) -> InformationRequestOut:
        return cls(**cls.fields_of(request))


class InformationRequestDetailOut(InformationRequestOut):
    to_agency: str
    answers: dict[str, str]
    declined_reason: str
    answered_at: datetime | None
    answered_by: str | None

    @classmethod
    def of(cls, request: InformationRequest) -> InformationRequestDetailOut:
        return cls(
            **cls.fields_of(request),
            to_agency=str(request.to_agency),
            answers=dict(request.answers),
            declined_reason=request.declined_reason,
            answered_at=request.answered_at,
            answered_by=str(request.answered_by) if request.answered_by else None,
        )


class InboxPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[InformationRequestOut]


class ResponseIn(In):
    """Exactly one of ``answers``, ``nothing_known: true`` or ``decline_reason``."""

    answers: dict[str, Text] | None = Field(
        None, description="Category → what your agency knows; only the categories asked."
    )
    nothing_known: bool | None = None
    decline_reason: Text | None = Field(
        None, max_length=MAX_TEXT, description="Why your agency will not share (recorded)."
    )
    version: int | None = Field(
        None, ge=1, le=2_147_483_647, description="Or send the If-Match header."
    )

    def choices(self) -> list[str]:
        given = []
        if self.answers is not None:
            given.append("answers")
        if self.nothing_known:
            given.append("nothing_known")
        if self.decline_reason is not None:
            given.append("decline_reason")
        return given


# Errors ---------------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str


class FieldErrorOut(Schema):
    field: str | None = Field(description="Where the problem is; null if not one field.")
    message: str


class ValidationErrorOut(Schema):
    detail: str
    errors: list[FieldErrorOut]
