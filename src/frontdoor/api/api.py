"""The JSON API under /api/v1/: parse, call the access helper and the service, answer.

Interactive docs are off (``docs_url=None``): Swagger UI loads from a CDN, which our content
security policy forbids. The OpenAPI schema is at /api/v1/openapi.json.
"""

from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Header, NinjaAPI, Path, Query, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import JSONRenderer

from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import PUBLIC, permission
from frontdoor.core.policy import may
from frontdoor.referrals import access as referrals_access
from frontdoor.referrals import services as referrals
from frontdoor.sharing import access as sharing_access
from frontdoor.sharing import services as sharing

from .auth import operation
from .schemas import (
    ErrorOut,
    InboxPageOut,
    InformationRequestDetailOut,
    InformationRequestOut,
    ReferralIn,
    ReferralOut,
    RequestStatus,
    ResponseIn,
    ValidationErrorOut,
)

MAX_ID = 9_223_372_036_854_775_807  # the largest primary key any of our databases holds
RecordId = Annotated[int, Path(ge=1, le=MAX_ID)]
IdempotencyKey = Annotated[
    str,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=100,
        pattern=r"^[\x21-\x7e]+$",
        description="Your unique key for this referral (1–100 visible ASCII characters, "
        "such as a UUID). Retrying with the same key returns the first referral (200).",
    ),
]

DESCRIPTION = """
For agencies' own systems: make a referral to the front door, read its status, and list and
answer the information requests addressed to your agency. The permissions are the pages'.

**Authentication.** `Authorization: Bearer <key>` with a token an administrator issued to a
named practitioner or service account (`manage.py issue_api_token`). The token stands in for
sign-in and the second factor: keep it secret. A signed-in browser session that has passed
the second factor also works (with the CSRF token on unsafe methods).

**Errors.** 400 the body is not JSON; 401 not signed in; 403 not allowed; 404 no such record *or* you may not see it;
409 someone changed the record first (read it again); 422 the request was refused, with a
list of `{field, message}` and nothing changed.

**Retries.** `POST /referrals` needs an `Idempotency-Key` header: retrying with the same key
returns the referral already made (200) instead of making another.
"""

HTML_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


class EscapingJSONRenderer(JSONRenderer):
    """JSON with <, > and & escaped, as Django's json_script does: the same data once
    decoded, but nothing that could be read as markup if a response is ever mis-sniffed."""

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> Any:
        return super().render(request, data, response_status=response_status).translate(HTML_UNSAFE)


class FrontDoorAPI(NinjaAPI):
    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            if pattern.name == "api-root":
                # Ninja's root answers 404 to everyone: it only gives the API its prefix.
                pattern.callback = permission(PUBLIC)(pattern.callback)
        return patterns, app_name, namespace


api = FrontDoorAPI(
    title="Front Door API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs_url=None,
    # The schema describes the API's shape only, no personal data: anyone may read it.
    docs_decorator=permission(PUBLIC),
    renderer=EscapingJSONRenderer(),
)

# Other apps' routers (their operations declare permissions like the ones here).
from frontdoor.incidents.api import router as incidents_router  # noqa: E402

api.add_router("/incidents", incidents_router)

COMMON_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}
# Operations with a body: Ninja answers 400 when it is not JSON at all (found by Schemathesis).
BODY_ERRORS = {400: ErrorOut, **COMMON_ERRORS}


# Errors ---------------------------------------------------------------------------------


def _error(request, status: int, detail: str, errors=None) -> HttpResponse:
    body: dict[str, Any] = {"detail": detail}
    if errors is not None:
        body["errors"] = errors
    response = api.create_response(request, body, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="Front Door"'
    return response


def _field(loc: tuple) -> str | None:
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        source = parts.pop(0)
        if source == "body" and parts:
            parts.pop(0)  # the view's parameter name, not part of the client's JSON
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or None


def _message(error: dict) -> str:
    if error["type"] == "missing":
        return "This is required"
    if error["type"] == "extra_forbidden":
        return "This field is not part of the API: remove it"
    message = error["msg"]
    return message.removeprefix("Value error, ")


@api.exception_handler(NinjaValidationError)
def _invalid(request, exc: NinjaValidationError):
    errors = [{"field": _field(e["loc"]), "message": _message(e)} for e in exc.errors]
    return _error(request, 422, "The request was refused: nothing has been changed.", errors)


@api.exception_handler(DjangoValidationError)
def _refused(request, exc: DjangoValidationError):
    errors = [{"field": None, "message": message} for message in exc.messages]
    return _error(request, 422, "The request was refused: nothing has been changed.", errors)


@api.exception_handler(ConflictError)
def _conflict(request, exc: ConflictError):
    return _error(request, 409, str(exc))


@api.exception_handler(Http404)
def _not_found(request, exc):
    return _error(request, 404, "No such record, or you may not see it.")


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return _error(request, 403, "You do not have permission to do this.")


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc: AuthenticationError):
    message = exc.message if exc.message != "Unauthorized" else "Sign in, or send an API token."
    return _error(request, 401, message)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    return _error(request, exc.status_code, exc.message)


@api.exception_handler(Exception)
def _server_error(request, exc):
    # Never Ninja's DEBUG traceback page: let Django log it and answer 500.
    raise exc


# Referrals ------------------------------------------------------------------------------


def _referral_by_key(practitioner, key: str, *, reason: str):
    existing = (
        referrals_access.contacts_visible_to(practitioner)
        .filter(referrer=practitioner, idempotency_key=key)
        .values_list("pk", flat=True)
        .first()
    )
    if existing is None:
        return None
    return referrals_access.contact_for(practitioner, existing, reason=reason)


def _referral_out(practitioner, contact) -> ReferralOut:
    return ReferralOut.of(contact, hub=may(practitioner, referrals_access.HUB_WORK, contact))


RETRIED = "Retried making a referral through the API (same idempotency key)"


@operation(
    api.post,
    "/referrals",
    permission=referrals_access.MAKE_REFERRAL,
    response={201: ReferralOut, 200: ReferralOut, **BODY_ERRORS},
    summary="Make a referral",
    tags=["Referrals"],
)
def referral_create(
    request,
    response: HttpResponse,
    payload: ReferralIn,
    idempotency_key: IdempotencyKey,
):
    """Send a referral to the front door: its people, the concerns, what happened, your
    opinion, consent and lawful basis. Made and sent in one step, all or nothing."""
    practitioner = request.auth
    existing = _referral_by_key(practitioner, idempotency_key, reason=RETRIED)
    if existing is not None:
        return Status(200, _referral_out(practitioner, existing))
    try:
        with transaction.atomic():
            contact = referrals.contact_start(by=practitioner, idempotency_key=idempotency_key)
            referrals.contact_update_draft(
                contact=contact, by=practitioner, changes=payload.draft_changes()
            )
            for subject in payload.subjects:
                referrals.subject_save(contact=contact, by=practitioner, data=subject.model_dump())
            contact = referrals.contact_submit(contact=contact, by=practitioner)
    except IntegrityError:
        # A concurrent retry with the same key won the race: answer with its referral.
        existing = _referral_by_key(practitioner, idempotency_key, reason=RETRIED)
        if existing is None:
            raise
        return Status(200, _referral_out(practitioner, existing))
    response["Location"] = reverse("api:referral_detail", kwargs={"referral_id": contact.pk})
    return Status(201, _referral_out(practitioner, contact))


@operation(
    api.get,
    "/referrals/{referral_id}",
    permission=referrals_access.VIEW_CONTACT,
    response={200: ReferralOut, **COMMON_ERRORS},
    summary="Read a referral's status",
    tags=["Referrals"],
)
def referral_detail(request, referral_id: RecordId):
    """The referrer sees its status and, once decided, the outcome and their feedback. The
    hub sees more: the people, the concerns and the timeline."""
    contact = referrals_access.contact_for(
        request.auth, referral_id, reason="Read a referral through the API"
    )
    return _referral_out(request.auth, contact)


# Information requests -------------------------------------------------------------------


@operation(
    api.get,
    "/information-requests",
    permission=sharing_access.VIEW_INBOX,
    response={200: InboxPageOut, **COMMON_ERRORS},
    summary="List your agency's information requests",
    tags=["Information requests"],
)
def information_request_list(
    request,
    status: Annotated[RequestStatus | None, Query(description="Only this status.")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
):
    """The requests addressed to your agency (never another's), soonest due first."""
    requests = sharing_access.inbox_for(request.auth)
    if status:
        requests = requests.filter(status=status)
    count = requests.count()
    page = list(
        requests.prefetch_related("subjects").order_by("due_at", "pk")[offset : offset + limit]
    )
    if page:
        sharing_access.inbox_viewed(
            request.auth, page, reason="Listed the agency's information requests through the API"
        )
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "items": [InformationRequestOut.of(r) for r in page],
    }


@operation(
    api.get,
    "/information-requests/{request_id}",
    permission=sharing_access.VIEW_REQUEST,
    response={200: InformationRequestDetailOut, **COMMON_ERRORS},
    summary="Read an information request",
    tags=["Information requests"],
)
def information_request_detail(request, response: HttpResponse, request_id: RecordId):
    """The request's scope and, once answered, the answer. The ETag header is its version."""
    info_request = sharing_access.request_for(
        request.auth, request_id, reason="Read an information request through the API"
    )
    response["ETag"] = f'"{info_request.version}"'
    return InformationRequestDetailOut.of(info_request)


def _version(payload: ResponseIn, if_match: str | None) -> int:
    from_header = None
    if if_match is not None:
        tag = if_match.strip().removeprefix("W/").strip().strip('"')
        if not tag.isdigit() or len(tag) > 10:
            raise _refusal("If-Match", 'Send the version you read, like "3"')
        from_header = int(tag)
    if payload.version is not None and from_header is not None and payload.version != from_header:
        raise _refusal("version", "The version in the body and the If-Match header differ")
    version = payload.version if payload.version is not None else from_header
    if version is None:
        raise _refusal(
            "version", "Send the version of the request you read, in the body or If-Match"
        )
    return version


def _refusal(field: str, message: str) -> NinjaValidationError:
    return NinjaValidationError([{"loc": (field,), "type": "refused", "msg": message}])


@operation(
    api.post,
    "/information-requests/{request_id}/response",
    permission=sharing_access.RESPOND,
    response={200: InformationRequestDetailOut, 409: ErrorOut, **BODY_ERRORS},
    summary="Answer an information request",
    tags=["Information requests"],
)
def information_request_respond(
    request,
    response: HttpResponse,
    payload: ResponseIn,
    request_id: RecordId,
    if_match: Annotated[str | None, Header(alias="If-Match", max_length=40)] = None,
):
    """Answer exactly the categories asked (``answers``), or say ``nothing_known``, or decline
    with a ``decline_reason`` (recorded). Name the version you read: if someone answered
    first, you get 409 and nothing is changed."""
    practitioner = request.auth
    info_request = sharing_access.request_for(practitioner, request_id, sharing_access.RESPOND)
    chosen = payload.choices()
    if len(chosen) != 1:
        raise _refusal("body", "Send exactly one of answers, nothing_known: true or decline_reason")
    version = _version(payload, if_match)
    if chosen == ["answers"]:
        answered = sharing.request_answer(
            request=info_request, by=practitioner, expected_version=version, answers=payload.answers
        )
    elif chosen == ["nothing_known"]:
        answered = sharing.request_nothing_known(
            request=info_request, by=practitioner, expected_version=version
        )
    else:
        answered = sharing.request_decline(
            request=info_request,
            by=practitioner,
            expected_version=version,
            reason=payload.decline_reason,
        )
    response["ETag"] = f'"{answered.version}"'
    return InformationRequestDetailOut.of(answered)


__all__ = ["api"]
