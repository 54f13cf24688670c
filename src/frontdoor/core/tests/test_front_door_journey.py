"""One referral end to end in a real browser, by the practitioners who would handle it (issue 4).

A police officer refers a domestic abuse incident with two children; the hub rates it amber and
asks social care, health and the school about the last 12 months; each answers from its own
inbox; the hub decides on a strategy discussion; the officer sees the outcome. Every page on the
way is checked with axe-core.
"""

import re

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOCIAL_CARE = "Northshire Children's Social Care"
HEALTH = "Northshire Community Health NHS Trust"
SCHOOL = "Weftbridge High School"


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.generator import build_partnership

    return build_partnership(seed=2026, practitioners_per_agency=0)


class Journey:
    def __init__(self, page, base_url):
        self.page, self.base = page, base_url
        self.checked = []

    def accessible(self, label):
        violations = axe_violations(self.page)
        assert not violations, f"{label}:\n{describe(violations)}"
        self.checked.append(label)

    def sign_in(self, username):
        from frontdoor.demo.generator import DEMO_PASSWORD

        page = self.page
        page.context.clear_cookies()
        page.goto(f"{self.base}/sign-in/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Continue").click()
        code = page.get_by_test_id("demo-code").inner_text().strip()
        page.get_by_label("Code from your authenticator app").fill(code)
        page.get_by_role("button", name="Continue").click()
        assert page.get_by_role("heading", name="My work").is_visible(), username

    def click(self, role, name):
        exact = isinstance(name, str)
        self.page.get_by_role(role, name=name, exact=exact).first.click()

    def add_child(self, given, family, day, month, year, sex):
        page = self.page
        self.click("link", re.compile("^Add (a|another) person$"))
        page.get_by_label("Child at risk").check()
        page.get_by_label("Given names").fill(given)
        page.get_by_label("Family name (optional)").fill(family)
        page.get_by_label("Day", exact=True).fill(day)
        page.get_by_label("Month", exact=True).fill(month)
        page.get_by_label("Year", exact=True).fill(year)
        page.get_by_label(sex, exact=True).check()
        self.click("button", "Add this person")


def test_a_referral_end_to_end_with_the_practitioners_who_handle_it(page, live_server, demo):
    journey = Journey(page, live_server.url)

    # 1. A police officer makes the referral.
    journey.sign_in("police.frontline")
    journey.click("link", "My referrals")
    journey.click("link", "Make a referral")
    journey.click("button", "Start now")
    journey.add_child("Amira", "Kowalczyk-Shah", "14", "3", "2016", "Female")
    journey.add_child("Leo", "Kowalczyk-Shah", "2", "9", "2020", "Male")
    journey.accessible("people the referral is about")
    journey.click("button", "Continue")
    page.get_by_label("Domestic abuse").check()
    journey.click("button", "Continue")
    page.get_by_label("What happened").fill(
        "Called to the flat at 23:10. The mother had a cut lip and said her partner hit her. "
        "Both children were awake in the next room."
    )
    page.get_by_label("Your professional opinion").fill("The incidents are getting more frequent.")
    page.get_by_role("group", name="Is a crime alleged?").get_by_label("Yes").check()
    page.get_by_role("group", name="Is anyone in immediate danger?").get_by_label("No").check()
    journey.click("button", "Continue")
    page.get_by_label("Given", exact=True).check()
    journey.click("button", "Continue")
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    journey.accessible("check your answers")
    journey.click("button", "Send referral")
    reference = re.search(r"FD-\d{4}-\d{6}", page.content()).group(0)

    # 2. The hub rates it amber and asks social care, health and the school.
    journey.sign_in("csc.hub")
    journey.click("link", "Front door queue")
    journey.accessible("front door queue")
    journey.click("link", reference)
    contact_url = page.url
    page.get_by_role("group", name="RAG rating").get_by_label("Amber").check()
    page.get_by_label("Why this rating?").fill(
        "Children present at a domestic abuse incident; no injuries to them."
    )
    journey.click("button", "Save rating")
    expect(page.get_by_text(f"{reference} rated amber")).to_be_visible()
    journey.accessible("contact page")
    journey.click("link", "Ask agencies for information")
    for agency in (SOCIAL_CARE, HEALTH, SCHOOL):
        page.get_by_label(re.compile(f"^{re.escape(agency)}")).check()
    page.get_by_label(re.compile("^Amira Kowalczyk-Shah")).check()
    page.get_by_label(re.compile("^Leo Kowalczyk-Shah")).check()
    page.get_by_label("The last 12 months").check()
    for category in (
        "Child protection history",
        "Health attendances",
        "School attendance and exclusions",
    ):
        page.get_by_label(category).check()
    page.get_by_label("Why do you need the information?").fill(
        "To assess the risk to the two children."
    )
    page.get_by_label(re.compile("^Safeguarding children or individuals at risk")).check()
    journey.accessible("ask agencies")
    journey.click("button", "Send the requests")
    expect(page.get_by_role("heading", name=re.compile(f"Contact {reference}"))).to_be_visible()
    # 3. Each agency answers from its own inbox.
    answers = {
        "csc.frontline": (
            "Child protection history",
            "Both children were on child in need plans in 2025.",
        ),
        "health.frontline": (
            "Health attendances",
            "Amira attended A&E twice in the last 12 months.",
        ),
        "school.frontline": (
            "School attendance and exclusions",
            "Amira's attendance is 82% this year.",
        ),
    }
    request_urls = []
    for username, (category, text) in answers.items():
        journey.sign_in(username)
        journey.click("link", "Information requests")
        journey.accessible(f"inbox of {username}")
        journey.click("link", re.compile(reference))
        request_urls.append(page.url)
        page.get_by_label(category).fill(text)
        journey.click("button", "Send the answer")
        expect(page.get_by_text(text)).to_be_visible()
    # 4. The hub reads the answers and decides on a strategy discussion.
    journey.sign_in("csc.hub")
    journey.click("link", "Front door queue")
    journey.click("link", reference)
    assert page.get_by_role("cell", name="Answered", exact=True).count() == 3
    page.get_by_label(re.compile(r"^Strategy discussion")).check()
    page.get_by_label("Rationale").fill(
        "Escalating domestic abuse with two children; partners' information adds risk."
    )
    page.get_by_label("What the referrer and answering agencies will be told").fill(
        "A strategy discussion will be held today with police, social care, health and the school."
    )
    journey.click("button", "Record decision")
    expect(page.get_by_text("Decision recorded.")).to_be_visible()
    journey.accessible("decided contact")

    # 5. The officer sees the outcome, and only what they need to know.
    journey.sign_in("police.frontline")
    journey.click("link", "My referrals")
    journey.click("link", re.compile(reference))
    expect(page.get_by_role("heading", name="Outcome")).to_be_visible()
    expect(page.get_by_text("A strategy discussion will be held today")).to_be_visible()
    assert "partners' information adds risk" not in page.content()
    assert "A&amp;E twice" not in page.content() and "A&E twice" not in page.content()
    journey.accessible("the referrer's outcome")
    journey.click("link", "Messages")
    assert page.get_by_role(
        "heading", name=re.compile(f"Outcome of referral {reference}")
    ).is_visible()

    # A practitioner of an uninvolved agency cannot open the contact or its requests, nor
    # tell that they exist.
    journey.sign_in("probation.frontline")
    assert page.goto(contact_url).status == 404
    for url in request_urls:
        response = page.goto(url)
        assert response.status == 404
        assert "Kowalczyk-Shah" not in page.content()
    assert reference not in page.goto(f"{live_server.url}/requests/").text()
