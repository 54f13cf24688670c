"""The load test's users (run by bench/load.py; not a test module).

Three kinds of practitioner, in the proportions a front door sees:

- hub practitioners (most users): the hub queue, a contact's page (the case page, which
  also runs "is this person already known?", the person search, for each unlinked subject)
  and a person's index page (their agencies' records and merge history; many of the people
  chosen are in many incidents);
- referrers, through the API: make a referral (a new idempotency key each time);
- responders, through the API: list their agency's open information requests and answer one.

Hub practitioners sign in through the real pages (password, then the second-factor code demo
mode shows). API users use tokens issued by bench/load.py. Everything to use — usernames,
tokens, contact and request ids, people to refer — comes from the JSON file named by
$FRONTDOOR_LOAD_PLAN, written by bench/load.py.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import uuid

from locust import HttpUser, between, events, task

PLAN = json.loads(open(os.environ["FRONTDOOR_LOAD_PLAN"], encoding="utf-8").read())  # noqa: SIM115
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DEMO_CODE = re.compile(r'data-testid="demo-code"[^>]*>\s*(\d{6})')
_hub_logins = itertools.cycle(PLAN["hub_usernames"])
_referrer_tokens = itertools.cycle(PLAN["referrer_tokens"])
_responder_tokens = itertools.cycle(PLAN["responder_tokens"])
# Each open request is answered once: a shared pool, popped.
_open_requests = list(PLAN["open_requests"])
_rng = random.Random(2026)  # nosec B311 (which page to load, not security)


_ready = {"users": 0, "measuring": False}


def _signed_in(environment) -> None:
    """Count a user as at work; once every user is, start the figures afresh, so that they
    describe practitioners at work and not everyone signing in at the same moment."""
    _ready["users"] += 1
    runner = environment.runner
    if not _ready["measuring"] and _ready["users"] >= runner.target_user_count:
        _ready["measuring"] = True
        environment.stats.reset_all()


@events.test_start.add_listener
def _start(environment, **_kwargs) -> None:
    _ready.update(users=0, measuring=False)


def _csrf(response) -> str:
    found = CSRF.search(response.text)
    return found.group(1) if found else ""


class HubPractitioner(HttpUser):
    weight = 6
    wait_time = between(0.5, 2)

    def on_start(self) -> None:
        username = next(_hub_logins)
        page = self.client.get("/sign-in/", name="sign in")
        page = self.client.post(
            "/sign-in/",
            {
                "csrfmiddlewaretoken": _csrf(page),
                "username": username,
                "password": PLAN["password"],
            },
            name="sign in",
        )
        if "/sign-in/code/" in page.url:
            code = DEMO_CODE.search(page.text)
            self.client.post(
                "/sign-in/code/",
                {"csrfmiddlewaretoken": _csrf(page), "code": code.group(1) if code else ""},
                name="sign in (code)",
            )
        _signed_in(self.environment)

    @task(4)
    def hub_queue(self) -> None:
        self.client.get("/hub/", name="hub queue")

    @task(4)
    def case_page(self) -> None:
        pk = _rng.choice(PLAN["contacts"])
        self.client.get(f"/contacts/{pk}/", name="case page (contact)")

    @task(1)
    def person_page(self) -> None:
        pk = _rng.choice(PLAN["people"])
        self.client.get(f"/matching/people/{pk}/", name="a person's index page")


class Referrer(HttpUser):
    weight = 2
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.client.headers["Authorization"] = f"Bearer {next(_referrer_tokens)}"
        _signed_in(self.environment)

    @task
    def make_referral(self) -> None:
        subject = _rng.choice(PLAN["person_queries"])
        self.client.post(
            "/api/v1/referrals",
            json={
                "subjects": [
                    {
                        "role": "child_at_risk",
                        "given_names": subject.get("given_names") or "Robin",
                        "family_name": subject.get("family_name") or "Ashdown",
                        "date_of_birth": subject.get("date_of_birth") or None,
                        "postcode": subject.get("postcode") or "",
                    }
                ],
                "concerns": ["neglect"],
                "what_happened": "Load test: a fictional referral.",
                "crime_alleged": False,
                "immediate_danger": False,
                "consent": "given",
            },
            headers={"Idempotency-Key": str(uuid.uuid4())},
            name="make a referral (API)",
        )


class Responder(HttpUser):
    weight = 2
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.token = next(_responder_tokens)
        self.client.headers["Authorization"] = f"Bearer {self.token}"
        _signed_in(self.environment)

    @task(2)
    def inbox(self) -> None:
        self.client.get("/api/v1/information-requests", name="information requests (API)")

    @task(1)
    def answer(self) -> None:
        chosen = next((r for r in _open_requests if r["token"] == self.token), None)
        if chosen is None:
            return
        _open_requests.remove(chosen)
        self.client.post(
            f"/api/v1/information-requests/{chosen['id']}/response",
            json={"nothing_known": True, "version": chosen["version"]},
            name="answer a request (API)",
        )
