"""In a real browser: an analyst builds a cohort by pasting people and reads the evaluation,
with its small-group warning, on the demo's own people; axe-core checks every page."""

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.evaluation import build_evaluation
    from frontdoor.demo.front_door import build_front_door
    from frontdoor.demo.generator import build_partnership

    build_partnership(seed=2026, practitioners_per_agency=0)
    build_front_door(seed=2026, contacts=20)
    return build_evaluation(seed=2026)


def test_an_analyst_builds_a_cohort_and_reads_an_honest_result(page, live_server, demo, tmp_path):
    from frontdoor.demo.generator import DEMO_PASSWORD

    page.goto(f"{live_server.url}/")
    page.get_by_label("Username").fill("police.analyst")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    code = page.get_by_test_id("demo-code").inner_text().strip()
    page.get_by_label("Code from your authenticator app").fill(code)
    page.get_by_role("button", name="Continue").click()

    page.goto(f"{live_server.url}/insights/evaluation/")
    page.get_by_role("button", name="Build a cohort").click()
    assert not axe_violations(page), describe(axe_violations(page))
    page.get_by_role("button", name="Build the cohort").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert not axe_violations(page), describe(axe_violations(page))

    people = "\n".join(
        f"{m.person_id}, {m.intervention_date.isoformat()}" for m in demo.members.all()
    )
    page.get_by_label("Name of the cohort").fill("Pasted cohort")
    page.get_by_label("What did these people receive?").fill("An early help plan")
    page.get_by_label("6 months").check()
    page.get_by_label("People and the date each received it").fill(people)
    page.get_by_role("button", name="Build the cohort").click()
    expect(page.get_by_role("heading", name="Pasted cohort", level=1)).to_be_visible()
    expect(page.get_by_test_id("warnings").get_by_text("Small groups")).to_be_visible()
    expect(page.get_by_text("level 3").first).to_be_visible()
    assert not axe_violations(page), describe(axe_violations(page))
    page.screenshot(path=str(tmp_path / "evaluation.png"), full_page=True)

    page.get_by_role("link", name="See the people in this cohort").click()
    expect(page.get_by_role("heading", name="People in this cohort")).to_be_visible()
    assert not axe_violations(page), describe(axe_violations(page))
