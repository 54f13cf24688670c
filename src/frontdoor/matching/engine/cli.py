"""The analysts' command line: link agencies' CSV files into people.

    frontdoor link --input police.csv --input health.csv --output people.csv
    python -m frontdoor.matching.engine.cli link --input records.csv --output people.csv \\
        --save-model model.json

See docs/matching.md for the columns, the checks made on each row and the output.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pandas as pd

from . import normalise
from .records import COLUMNS

STAGES = 6


@dataclass
class Problem:
    file: str
    line: int
    record_id: str
    reason: str
    skipped: bool


class Progress:
    """A plain-text progress bar on stderr: one line per stage, with the time taken."""

    def __init__(self, stream: TextIO, total: int = STAGES) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self.started = time.perf_counter()

    def step(self, message: str) -> None:
        self.done = min(self.done + 1, self.total)
        filled = round(20 * self.done / self.total)
        elapsed = time.perf_counter() - self.started
        bar = "#" * filled + "." * (20 - filled)
        print(f"[{bar}] {elapsed:6.1f}s  {message}", file=self.stream, flush=True)


def _parse_date_or_reason(text: str) -> tuple[str, str]:
    if not text.strip():
        return "", ""
    try:
        return normalise.parse_date(text).isoformat(), ""
    except ValueError as error:
        return "", f"date_of_birth {error}"


def read_inputs(paths: list[str], problems: list[Problem], warn: TextIO) -> pd.DataFrame:
    """All input rows that pass the checks, with bad rows recorded in ``problems``."""
    seen: dict[str, tuple[str, int]] = {}
    frames = [_read_file(path, seen, problems, warn) for path in paths]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)


def _read_file(
    path: str, seen: dict[str, tuple[str, int]], problems: list[Problem], warn: TextIO
) -> pd.DataFrame:
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as error:
        raise SystemExit(f"frontdoor link: cannot read {path}: {error}") from None
    raw.columns = [c.strip().lower() for c in raw.columns]
    if "record_id" not in raw.columns:
        raise SystemExit(f"frontdoor link: {path} has no record_id column")
    unknown = [c for c in raw.columns if c not in COLUMNS]
    if unknown:
        print(f"{path}: ignoring columns {', '.join(unknown)}", file=warn)
    for column in COLUMNS:
        if column not in raw.columns:
            raw[column] = ""
    raw = raw[list(COLUMNS)].copy()
    raw["record_id"] = raw["record_id"].str.strip()
    # Line numbers as a spreadsheet shows them: the header is line 1.
    lines = pd.Series(range(2, len(raw) + 2), index=raw.index)
    keep = pd.Series(True, index=raw.index)

    def reject(mask: pd.Series, reasons: pd.Series | str, *, skip: bool = True) -> None:
        for index in raw.index[mask]:
            reason = reasons if isinstance(reasons, str) else reasons[index]
            problems.append(
                Problem(path, int(lines[index]), raw.at[index, "record_id"], reason, skip)
            )
        if skip:
            keep.loc[mask] = False

    reject(raw["record_id"] == "", "no record_id")
    parsed = raw["date_of_birth"].map(_parse_date_or_reason)
    dates, date_reasons = parsed.str[0], parsed.str[1]
    reject(keep & (date_reasons != ""), date_reasons)
    first = raw["first_name"].map(normalise.name)
    last = raw["surname"].map(normalise.name)
    reject(keep & (first == "") & (last == ""), "no name (first name and surname empty)")
    nhs_given = raw["nhs_number"].str.strip() != ""
    nhs_valid = raw["nhs_number"].map(normalise.nhs_number_valid)
    bad_nhs = keep & nhs_given & ~nhs_valid
    reject(bad_nhs, "nhs_number fails its check digit: field left blank", skip=False)
    raw.loc[bad_nhs, "nhs_number"] = ""
    for index in raw.index[keep]:
        record_id = raw.at[index, "record_id"]
        if record_id in seen:
            first_file, first_line = seen[record_id]
            reason = (
                f"record_id already used ({first_file} line {first_line}); give each"
                " agency's records distinct ids, e.g. prefixed with the source"
            )
            problems.append(Problem(path, int(lines[index]), record_id, reason, True))
            keep.loc[index] = False
        else:
            seen[record_id] = (path, int(lines[index]))
    raw["date_of_birth"] = dates
    return raw[keep]


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frontdoor", description="Front Door tools for analysts.")
    commands = parser.add_subparsers(dest="command", required=True)
    link = commands.add_parser(
        "link",
        help="link records of people across agencies' CSV files",
        description=(
            "Read agency records (CSV with columns "
            + ", ".join(COLUMNS)
            + "; any but record_id may be missing), train a model or load one, and write"
            " record_id, cluster_id, match_probability."
        ),
    )
    link.add_argument(
        "--input",
        action="append",
        required=True,
        metavar="FILE",
        help="a CSV of records (repeat for several files)",
    )
    link.add_argument("--output", required=True, metavar="FILE", help="CSV to write")
    link.add_argument("--model", metavar="FILE", help="use this saved model; do not train")
    link.add_argument("--save-model", metavar="FILE", help="save the trained model here")
    link.add_argument("--backend", choices=("duckdb", "spark"), default="duckdb")
    link.add_argument(
        "--threshold",
        type=float,
        default=0.9,
        help="match probability at which two records are linked (default 0.9)",
    )
    link.add_argument(
        "--rejects",
        metavar="FILE",
        help="also write the problems found (file, line, reason) to this CSV",
    )
    return parser


def main(argv: list[str] | None = None, *, stderr: TextIO | None = None) -> int:
    err = stderr or sys.stderr
    args = _build_parser().parse_args(argv)
    if not 0 < args.threshold < 1:
        print("frontdoor link: --threshold must be between 0 and 1", file=err)
        return 2
    return _link(args, err)


def _link(args: argparse.Namespace, err: TextIO) -> int:
    from .frames import prepare_frame
    from .linkage import link, train
    from .model import MatchModel

    # Splink's own notes (levels not seen in training and the like) are for developers;
    # the analyst gets the progress lines and the summary.
    logging.getLogger("splink").setLevel(logging.ERROR)

    progress = Progress(err)
    problems: list[Problem] = []
    model = None
    if args.model:
        try:
            model = MatchModel.from_json(Path(args.model).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"frontdoor link: cannot use model {args.model}: {error}", file=err)
            return 2
    records = read_inputs(args.input, problems, err)
    read_count = len(records) + sum(p.skipped for p in problems)
    progress.step(f"read {read_count:,} rows from {len(args.input)} file(s)")
    problems.sort(key=lambda p: (args.input.index(p.file), p.line))
    for problem in problems:
        action = "skipped" if problem.skipped else "warning"
        print(
            f"{problem.file} line {problem.line} ({problem.record_id or 'no id'}): "
            f"{action}: {problem.reason}",
            file=err,
        )
    if args.rejects:
        pd.DataFrame(
            [p.__dict__ for p in problems],
            columns=["file", "line", "record_id", "reason", "skipped"],
        ).to_csv(args.rejects, index=False)
    if len(records) < 2:
        print("frontdoor link: fewer than two usable records; nothing to link", file=err)
        return 2
    records = prepare_frame(records)  # normalised once, for training and linking
    if model is None:
        model, _linker = train(records, backend=args.backend, progress=lambda m: None)
        progress.step(f"trained model {model.version} on {len(records):,} records")
        if args.save_model:
            Path(args.save_model).write_text(model.to_json(), encoding="utf-8")
    else:
        progress.step(f"loaded model {model.version} ({model.description})")
    result = link(
        records,
        model,
        threshold=args.threshold,
        backend=args.backend,
        progress=lambda message: progress.step(message),
    )
    result.to_csv(args.output, index=False)
    _summary(err, records, result, problems, model, args, progress)
    return 0


def _summary(err, records, result, problems, model, args, progress) -> None:
    sizes = result["cluster_id"].value_counts()
    skipped = Counter(
        p.reason.split(":")[0] if p.reason.startswith("date_of_birth") else p.reason.split(";")[0]
        for p in problems
        if p.skipped
    )
    warnings = sum(not p.skipped for p in problems)
    lines = [
        "",
        "Summary",
        f"  records linked:        {len(records):,}",
        f"  rows skipped:          {sum(skipped.values()):,}",
        *(f"    {count:,} × {reason}" for reason, count in skipped.most_common()),
        f"  fields blanked:        {warnings:,} (see warnings above)",
        f"  people (clusters):     {len(sizes):,}",
        f"  with several records:  {(sizes > 1).sum():,}",
        f"  largest cluster:       {int(sizes.max()) if len(sizes) else 0} records",
        f"  model:                 {model.version}",
        f"  threshold:             {args.threshold}",
        f"  written to:            {args.output}",
        f"  time:                  {time.perf_counter() - progress.started:.1f}s",
    ]
    print("\n".join(lines), file=err)


if __name__ == "__main__":
    sys.exit(main())
