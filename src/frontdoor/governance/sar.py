"""The subject access bundle: everything Front Door holds about one person, with third parties'
information redacted (ADR 0033). Sections come from the registry, so a new app adds its own."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone

from .models import SubjectAccessRequest
from .registry import SAR_SECTIONS, SarItem

ANOTHER_PERSON = "[another person]"
REDACTED_FIELD = "[Redacted: information about someone else]"
REDACTED_PASSAGE = "[redacted]"


@dataclass
class BundleSection:
    key: str
    title: str
    items: list[SarItem]


@dataclass
class Bundle:
    request: SubjectAccessRequest
    generated_at: datetime
    sections: list[BundleSection] = field(default_factory=list)
    redaction_count: int = 0

    def item_keys(self) -> list[str]:
        return [item.key for section in self.sections for item in section.items]

    def items(self) -> dict[str, SarItem]:
        return {item.key: item for section in self.sections for item in section.items}

    def as_dict(self) -> dict:
        request = self.request
        return {
            "subject_access_request": request.pk,
            "person": request.person_id,
            "received_on": request.received_on,
            "due_on": request.deadline,
            "generated_at": self.generated_at,
            "redactions": self.redaction_count,
            "sections": [
                {
                    "key": section.key,
                    "title": section.title,
                    "items": [
                        {
                            "key": item.key,
                            "title": item.title,
                            "fields": [
                                {
                                    "name": f.name,
                                    "label": f.label,
                                    "value": f.value,
                                    "redacted": f.redacted,
                                }
                                for f in item.fields
                            ],
                        }
                        for item in section.items
                    ],
                }
                for section in self.sections
            ],
        }

    def as_json(self) -> str:
        return json.dumps(self.as_dict(), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)

    def as_html(self) -> str:
        return render_to_string("governance/sar_bundle_file.html", {"bundle": self})


def _name_patterns(item: SarItem, own_given_names: str) -> list[re.Pattern]:
    own = {name.lower() for name in own_given_names.split()}
    patterns = []
    for name in sorted(set(item.third_party_names), key=len, reverse=True):
        name = name.strip()
        if not name:
            continue
        patterns.append(re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE))
        for given in name.split()[:-1] or name.split():
            if len(given) > 1 and given.lower() not in own:
                patterns.append(re.compile(rf"\b{re.escape(given)}\b", re.IGNORECASE))
    return patterns


def _redact(item: SarItem, marks: list, own_given_names: str) -> int:
    """Apply the default name redactions and the marked ones to ``item`` in place."""
    count = 0
    patterns = _name_patterns(item, own_given_names)
    for f in item.fields:
        if f.redacted:
            count += 1
            continue
        for pattern in patterns:
            f.value, replaced = pattern.subn(ANOTHER_PERSON, f.value)
            count += replaced
        for mark in marks:
            if mark.field != f.name:
                continue
            if not mark.passage:
                f.value, f.redacted = REDACTED_FIELD, True
                count += 1
                break
            f.value, replaced = re.subn(
                re.escape(mark.passage), REDACTED_PASSAGE, f.value, flags=re.IGNORECASE
            )
            count += replaced
    return count


def build_bundle(request: SubjectAccessRequest, *, redact: bool = True) -> Bundle:
    """Everything held about the request's person. ``redact=False`` is for the administrator's
    working view only (to see what to mark); a release is always redacted."""
    person = request.person
    bundle = Bundle(request=request, generated_at=timezone.now())
    marks: dict[str, list] = {}
    for mark in request.redactions.all():
        marks.setdefault(mark.item_key, []).append(mark)
    for section in SAR_SECTIONS.values():
        items = section.build(person)
        if redact:
            for item in items:
                bundle.redaction_count += _redact(item, marks.get(item.key, []), person.given_names)
        bundle.sections.append(BundleSection(section.key, section.title, items))
    return bundle
