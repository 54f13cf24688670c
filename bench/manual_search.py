"""How fast is the joint working manual's search on a large manual?

Builds N articles (10,000 by default) in a scratch test database, from sentences of the demo
articles shuffled with a seeded generator, then times 50 searches through
``frontdoor.manual.search.search_articles`` exactly as the search page calls it (limit 20,
snippets included). Runs on SQLite (FTS5) by default, or on PostgreSQL when DATABASE_URL
points at one; the scratch database (``test_<name>``) is dropped afterwards.

    .venv/bin/python bench/manual_search.py            # 10,000 articles
    .venv/bin/python bench/manual_search.py --quick    # 500 articles, a smoke run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/frontdoor_bench \\
        .venv/bin/python bench/manual_search.py

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.config.settings")

QUERIES = [
    # common words, single and together
    "police",
    "child",
    "referral",
    "police protection",
    "social care assessment",
    "domestic abuse risk",
    "information sharing consent",
    "strategy discussion health",
    "emergency duty team",
    "section 47 enquiries",
    # what practitioners actually type
    "what can the police do at 2am",
    "how do I get information from a GP",
    "who do I ring out of hours",
    "MARAC referral criteria",
    "DASH checklist questions",
    "county lines exploitation",
    "Clare's law disclosure",
    "LADO allegation against teacher",
    "interpreter for a deaf parent",
    "missing child return interview",
    "Prevent Channel referral",
    "homeless 16 year old",
    "FGM mandatory reporting",
    "forced marriage one chance",
    "section 136 place of safety",
    "mental capacity unwise decision",
    "probation licence conditions",
    "MAPPA level 2",
    "fire safe and well visit hoarding",
    "child protection medical bruise baby",
    "unborn baby pre-birth assessment",
    "young carers assessment",
    "police checks fostering eight weeks",
    "escalation disagreement stage 2",
    "early help continuum of need",
    # stems, rare words and misses
    "exploited",
    "interpreters",
    "naloxone",
    "cuckooing",
    "zebra crossing",
    "quantum chromodynamics",
    # hostile and odd input
    '"police',
    "NEAR(police protection, 3)",
    "police AND NOT OR",
    "title:police*",
    "((((",
    "😀 🚓",
    "'; DROP TABLE manual_article; --",
    "",
    "x" * 400,
]


def build_corpus():
    from frontdoor.demo.manual_articles import ARTICLES

    sentences = []
    for spec in ARTICLES:
        text = re.sub(r"[#*|>\-]+", " ", spec.body)
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 4]
    titles = [spec.title for spec in ARTICLES]
    return titles, sentences


def make_articles(count: int, seed: int) -> float:
    """Bulk-load ``count`` articles and their first versions; return the seconds taken."""
    from django.db import transaction
    from django.utils import timezone

    from frontdoor.agencies.models import Agency, Practitioner
    from frontdoor.manual.models import Article, ArticleVersion
    from frontdoor.manual.rendering import markdown_to_text
    from frontdoor.manual.search import rebuild_index

    rng = random.Random(seed)  # nosec B311 (benchmark data)
    titles, sentences = build_corpus()
    places = ["Burnley", "Chorley", "Fylde", "Lancaster", "Pendle", "Preston", "Wyre"]
    started = time.perf_counter()
    now = timezone.now()
    with transaction.atomic():
        agency = Agency.objects.create(name="Bench Agency", sector="police")
        owner = Practitioner.objects.create(username="bench.owner", agency=agency)
        articles = []
        for n in range(count):
            paragraphs = [
                " ".join(rng.sample(sentences, rng.randint(2, 5))) for _ in range(rng.randint(3, 8))
            ]
            body = "\n\n".join(["## " + rng.choice(titles)] + paragraphs) + "\n"
            articles.append(
                Article(
                    slug=f"bench-{n}",
                    title=f"{rng.choice(titles)} in {rng.choice(places)} ({n})",
                    body=body,
                    body_text=markdown_to_text(body),
                    owner=owner,
                    owner_since=now,
                    review_by=(now + timedelta(days=rng.randint(-100, 300))).date(),
                    created_at=now,
                    updated_at=now,
                )
            )
        Article.objects.bulk_create(articles, batch_size=500)
        ArticleVersion.objects.bulk_create(
            (
                ArticleVersion(
                    article=a,
                    number=1,
                    title=a.title,
                    body=a.body,
                    summary="First version",
                    author=owner,
                    created_at=now,
                )
                for a in articles
            ),
            batch_size=500,
        )
        rebuild_index()
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 articles, for a smoke run")
    parser.add_argument("--articles", type=int, help="how many articles (default 10,000)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    count = args.articles or (500 if args.quick else 10_000)

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    from frontdoor.manual.search import search_articles, search_backend

    scratch = None
    if connection.vendor == "sqlite":
        # A file, not memory: closer to a real installation.
        scratch = tempfile.mkdtemp(prefix="manual-bench-")
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{scratch}/bench.sqlite3"
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        build_seconds = make_articles(count, args.seed)
        search_articles("warm up the caches")
        timings, results = [], []
        for query in QUERIES:
            started = time.perf_counter()
            hits = search_articles(query, limit=20)
            timings.append((time.perf_counter() - started) * 1000)
            results.append(len(hits))
        backend = search_backend()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)

    slowest = max(range(len(QUERIES)), key=lambda i: timings[i])
    print(f"backend           {backend}")
    print(f"articles          {count:,} (built in {build_seconds:.1f} s)")
    print(f"queries           {len(QUERIES)} (limit 20, with snippets)")
    print(f"median            {statistics.median(timings):.2f} ms")
    print(f"95th percentile   {percentile(timings, 0.95):.2f} ms")
    print(f"slowest           {timings[slowest]:.2f} ms for {QUERIES[slowest][:40]!r}")
    print(f"queries with hits {sum(1 for r in results if r)} of {len(QUERIES)}")
    print(
        json.dumps(
            {
                "benchmark": "manual_search",
                "backend": backend,
                "articles": count,
                "queries": len(QUERIES),
                "p50_ms": round(statistics.median(timings), 2),
                "p95_ms": round(percentile(timings, 0.95), 2),
                "max_ms": round(max(timings), 2),
                "mean_ms": round(statistics.fmean(timings), 2),
                "build_s": round(build_seconds, 1),
                "quick": args.quick,
            }
        )
    )


if __name__ == "__main__":
    main()
