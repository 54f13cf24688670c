"""The generator: fictional, seeded, with the truth and the hard cases planted."""

from __future__ import annotations

from frontdoor.matching.engine import normalise
from frontdoor.matching.engine.generator import OUTPUT_COLUMNS, generate, generate_frame, main


def test_same_seed_same_records_and_truth_kept():
    first = generate_frame(500, seed=9)
    again = generate_frame(500, seed=9)
    other = generate_frame(500, seed=10)
    assert first.equals(again)
    assert not first.equals(other)
    assert list(first.columns) == OUTPUT_COLUMNS
    assert first["person_id"].nunique() == 500
    assert first["record_id"].is_unique
    assert 1.3 < len(first) / 500 < 3


def test_hard_cases_are_planted():
    frame = generate_frame(3000, seed=2)
    # Same-name relatives: two people in one household with one first name and surname.
    relatives = frame[frame["same_name_relative"]]
    assert relatives["household_id"].nunique() > 10
    # Twins: two people in one household with one date of birth.
    people = frame.drop_duplicates("person_id").copy()
    people["dob"] = people["date_of_birth"].map(
        lambda v: normalise.parse_date(v).isoformat() if v else ""
    )
    dated = people[people["dob"] != ""]
    twins = dated.groupby(["household_id", "dob"])["person_id"].nunique()
    assert (twins > 1).sum() > 5
    # Records of one person vary: nicknames, transposed dates, missing and moved fields.
    per_person = frame.groupby("person_id")
    assert (per_person["first_name"].nunique() > 1).sum() > 50
    assert (per_person["postcode"].nunique() > 1).sum() > 50
    assert (frame["date_of_birth"] == "").sum() > 20
    assert set(frame["source"]) == {"police", "health", "school", "social_care", "housing"}
    nhs = frame.loc[frame["nhs_number"] != "", "nhs_number"]
    assert nhs.map(normalise.nhs_number_valid).mean() > 0.98


def test_streams_in_chunks(tmp_path):
    chunks = list(generate(250, seed=1, chunk_people=100))
    assert len(chunks) == 3
    assert sum(c["person_id"].nunique() for c in chunks) == 250
    out = tmp_path / "records.csv"
    assert main(["--people", "120", "--out", str(out), "--seed", "4"]) == 0
    assert out.read_text(encoding="utf-8").startswith(",".join(OUTPUT_COLUMNS))
