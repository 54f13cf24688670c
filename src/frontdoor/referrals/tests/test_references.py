"""Contact references: each one given out once, even when referrals arrive together."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from frontdoor.core.testing.factories import draft_contact
from frontdoor.referrals import services
from frontdoor.referrals.models import Contact, ReferenceCounter


def draft(referrer, family_name: str = "Quenby") -> Contact:
    return draft_contact(referrer, family_name=family_name)


def year_prefix() -> str:
    return f"FD-{timezone.now():%Y}-"


@pytest.mark.django_db
def test_references_count_up_from_one_each_year(officer):
    sent = [services.contact_submit(contact=draft(officer), by=officer) for _ in range(3)]

    assert [c.reference for c in sent] == [f"{year_prefix()}{n:06d}" for n in (1, 2, 3)]


@pytest.mark.django_db
def test_a_reference_is_never_given_out_again_after_a_contact_is_disposed_of(officer):
    first, second, third = (
        services.contact_submit(contact=draft(officer), by=officer) for _ in range(3)
    )
    Contact.objects.filter(pk=first.pk).delete()  # disposed of under the retention rules

    fourth = services.contact_submit(contact=draft(officer), by=officer)

    assert fourth.reference == f"{year_prefix()}000004"
    assert len({second.reference, third.reference, fourth.reference}) == 3


@pytest.mark.django_db
def test_a_database_from_before_the_counter_carries_on_after_its_highest_reference(officer):
    older = services.contact_submit(contact=draft(officer), by=officer)
    Contact.objects.filter(pk=older.pk).update(reference=f"{year_prefix()}000041")
    ReferenceCounter.objects.all().delete()

    sent = services.contact_submit(contact=draft(officer), by=officer)

    assert sent.reference == f"{year_prefix()}000042"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent transactions need PostgreSQL (SQLite runs one writer at a time)",
)
@pytest.mark.django_db(transaction=True)
def test_referrals_sent_at_the_same_moment_get_different_references(officer, monkeypatch):
    """The load test found two referrals sent together could draw the same reference (a 500).

    Every sender waits at a barrier just before drawing its reference, so they all draw at
    once: without the counter's lock they all counted the same contacts.
    """
    senders = 6
    drafts = [draft(officer, family_name=f"Quenby{n}") for n in range(senders)]
    barrier = threading.Barrier(senders, timeout=20)
    real = services._next_reference

    def together(now):
        barrier.wait()
        return real(now)

    monkeypatch.setattr(services, "_next_reference", together)
    references, errors = [], []

    def send(contact):
        try:
            references.append(services.contact_submit(contact=contact, by=officer).reference)
        except Exception as error:  # noqa: BLE001 - the test reports every failure
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(c,)) for c in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(references) == [f"{year_prefix()}{n:06d}" for n in range(1, senders + 1)]
    assert Contact.objects.filter(status=Contact.Status.SUBMITTED).count() == senders
