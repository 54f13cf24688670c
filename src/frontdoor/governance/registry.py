"""The registry: every record type that holds personal data, how long it is kept, who reviews it,
how it is disposed of, and what a subject access request finds in it (ADR 0032, 0033).

An app plugs in with two calls, usually from ``frontdoor/governance/record_types.py`` (or from
its own ``AppConfig.ready``)::

    register_record_type(RecordType(key="incidents.incident", ...))
    register_sar_section(SarSection(key="incidents", title="Police incidents", build=...))

Nothing else in the governance app needs to change: the rules page, the due list, My work, the
reminder command, the review page, disposal and the SAR bundle all read the registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import Q


@dataclass(frozen=True)
class RecordType:
    key: str  # "app_label.model", e.g. "referrals.contact"
    label: str  # what the rules page calls it
    start_field: (
        str  # a date or datetime (or an annotation made by ``annotate``) the period runs from
    )
    start_event: str  # the start in words: "the decision on the contact"
    default_months: int
    default_source: str  # the law or code the default period comes from
    # Which records ``practitioner`` reviews: a Q over the model, or None when they review none.
    owned_by: Callable[[Any], Q | None]
    # Delete one record and its parts in the right order; return {type key: count} removed.
    # Runs inside the disposal's transaction; a PROTECT it did not clear rolls everything back.
    dispose: Callable[[Any], dict[str, int]]
    # A label that says which record it is without saying anything about anyone.
    describe: Callable[[Any], str] = str
    # Where the owner opens the record ("" when it has no page of its own).
    link: Callable[[Any], str] = lambda obj: ""
    # Optional: annotate the queryset (for a ``start_field`` computed from several fields).
    annotate: Callable[[Any], Any] = lambda queryset: queryset
    agency_field: str = ""  # path to the agency whose own rule (if any) applies
    start_is_date: bool = False
    # The parts disposed of with it, in words, for the rules page and docs/retention.md.
    parts: tuple[str, ...] = ()
    # What a sentence calls it when the label with its first word in lower case is wrong (a
    # name keeps its capitals: "Operation Encompass notifications").
    sentence_label: str = ""

    @property
    def in_sentence(self) -> str:
        """The label inside a sentence: "police incidents", but "DASH risk assessments"."""
        if self.sentence_label:
            return self.sentence_label
        first, space, rest = self.label.partition(" ")
        return (first if first.isupper() else first.lower()) + space + rest

    @property
    def model(self):
        return apps.get_model(self.key)

    def queryset(self):
        return self.annotate(self.model._default_manager.all())


@dataclass
class SarField:
    name: str
    label: str
    value: str
    redacted: bool = False


@dataclass
class SarItem:
    key: str  # "<record type>:<id>": redactions point at it
    title: str
    fields: list[SarField]
    # Other people's names in this item, redacted by default (other subjects of the same contact).
    third_party_names: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SarSection:
    key: str
    title: str
    build: Callable[[Any], list[SarItem]]  # person -> items


RECORD_TYPES: dict[str, RecordType] = {}
SAR_SECTIONS: dict[str, SarSection] = {}


def register_record_type(record_type: RecordType) -> RecordType:
    if record_type.key in RECORD_TYPES and RECORD_TYPES[record_type.key] != record_type:
        raise ValueError(f"record type {record_type.key!r} is registered twice")
    RECORD_TYPES[record_type.key] = record_type
    return record_type


def register_sar_section(section: SarSection) -> SarSection:
    if section.key in SAR_SECTIONS and SAR_SECTIONS[section.key] != section:
        raise ValueError(f"SAR section {section.key!r} is registered twice")
    SAR_SECTIONS[section.key] = section
    return section


def record_type(key: str) -> RecordType:
    try:
        return RECORD_TYPES[key]
    except KeyError:
        raise LookupError(f"no record type {key!r}") from None


def record_types() -> list[RecordType]:
    return sorted(RECORD_TYPES.values(), key=lambda t: t.label)
