"""STYLE.md habit 3: views and API endpoints reach protected records only through access.py."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2]
PROTECTED = (
    "Contact",
    "Subject",
    "InformationRequest",
    "Person",
    "Decision",
    "TimelineEntry",
    "AuditEvent",
)
DIRECT_QUERY = re.compile(rf"\b({'|'.join(PROTECTED)})\.objects\b")


def view_modules():
    for path in sorted(SRC.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        if path.name.startswith("views") or path.name == "api.py":
            yield path


def test_no_view_queries_a_protected_model_directly():
    offenders = []
    for path in view_modules():
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if DIRECT_QUERY.search(line):
                offenders.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert not offenders, "use the app's access.py instead:\n" + "\n".join(offenders)


def test_the_check_finds_the_view_modules():
    names = {path.name for path in view_modules()}
    assert {"views_hub.py", "views_referrer.py", "views.py", "api.py"} <= names
