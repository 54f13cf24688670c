"""How long does an evaluation's matching and bootstrap take on a large person index?

Pure Python and numpy, no database: a seeded fictional index of N people (5,000 by default)
with 0 to 12 contacts each over three years, 12 districts, two sexes, and a cohort of M
(200 by default) with intervention dates in one year, run through
``frontdoor.insights.evaluation.evaluate`` exactly as the evaluation page does (2,000
bootstrap draws). Nothing is planted, so the verdict should usually be "no evidence".

    .venv/bin/python bench/evaluation_matching.py            # 200 people against 5,000
    .venv/bin/python bench/evaluation_matching.py --quick    # 40 against 500, a smoke run

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from frontdoor.insights.evaluation import Events, Profile, evaluate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--index", type=int, default=5000)
    parser.add_argument("--cohort", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    index, cohort = (500, 40) if args.quick else (args.index, args.cohort)
    rng = random.Random(args.seed)  # noqa: S311  # nosec B311
    districts = [f"District {i}" for i in range(12)]
    profiles = {
        i: Profile(
            date(rng.randint(1950, 2015), rng.randint(1, 12), 1),
            rng.choice(["female", "male"]),
            rng.choice(districts),
        )
        for i in range(index)
    }
    start = date(2023, 1, 1)
    events = {
        i: Events.of(
            (start + timedelta(days=rng.randint(0, 1000)), 1.0) for _ in range(rng.randint(0, 12))
        )
        for i in range(index)
    }
    members = [(i, date(2024, rng.randint(1, 12), 1)) for i in range(cohort)]
    began = time.perf_counter()
    result = evaluate(
        members, profiles.keys(), profiles, events, window_days=365, today=date(2026, 1, 1)
    )
    seconds = time.perf_counter() - began
    print(f"{cohort} people matched against an index of {index} in {seconds:.2f} s")
    print(f"verdict: {result.verdict}; warnings: {len(result.warnings)}")
    print(
        json.dumps(
            {
                "index": index,
                "cohort": cohort,
                "seconds": round(seconds, 2),
                "verdict": result.verdict,
                "effect": round(result.estimate.effect, 3),
                "low": round(result.estimate.low, 3),
                "high": round(result.estimate.high, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
