"""The demo has disagreements at every level (one overdue) and resolved ones across themes."""

import pytest

from frontdoor.disagreements.models import Disagreement
from frontdoor.disagreements.report import theme_report

pytestmark = pytest.mark.django_db


def test_demo_disagreements_cover_every_level_and_recurring_themes():
    from frontdoor.demo.disagreements import build_disagreements
    from frontdoor.demo.generator import build_partnership

    build_partnership(seed=2026, practitioners_per_agency=0)
    made = build_disagreements(seed=2026)
    assert made.open == 4 and made.closed == 8
    running = Disagreement.objects.filter(status="open")
    assert set(running.values_list("level", flat=True)) == {1, 2, 3, 4}
    assert any(d.is_overdue for d in running)
    assert Disagreement.objects.filter(status="withdrawn").exists()
    closed = Disagreement.objects.exclude(status="open")
    assert closed.values("theme").distinct().count() >= 6
    assert "Threshold or eligibility" in theme_report().recurring
    assert build_disagreements(seed=2026).open == 0  # a second run adds nothing
