"""frontdoor link: reads CSVs, reports bad rows by file and line, writes clusters."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd

from frontdoor.matching.engine import MatchModel
from frontdoor.matching.engine.cli import main

HEADER = "record_id,first_name,surname,date_of_birth,sex,postcode,nhs_number\n"


def _write(path: Path, rows: str) -> str:
    path.write_text(HEADER + rows, encoding="utf-8")
    return str(path)


def test_links_files_and_reports_every_bad_row(tmp_path):
    police = _write(
        tmp_path / "police.csv",
        "p1,William,Smith,04/03/1980,male,QA1 2BD,\n"
        "p2,Ann,Bad,31/02/2001,female,,\n"
        "p3,,,2001-01-01,,,\n"
        "p4,Tom,Future,2099-01-01,male,,\n",
    )
    health = _write(
        tmp_path / "health.csv",
        "h1,Bill,Smith,1980-03-04,m,qa12bd,9434765918\n"
        "p1,Someone,Else,1990-01-01,female,,\n"
        "h2,Aisha,Khan,1999-01-01,female,QZ9 9ZZ,\n",
    )
    model = tmp_path / "model.json"
    model.write_text(MatchModel.default().to_json(), encoding="utf-8")
    output, rejects = tmp_path / "out.csv", tmp_path / "rejects.csv"
    err = io.StringIO()
    code = main(
        [
            "link",
            "--input",
            police,
            "--input",
            health,
            "--output",
            str(output),
            "--model",
            str(model),
            "--rejects",
            str(rejects),
        ],
        stderr=err,
    )
    text = err.getvalue()
    assert code == 0, text
    assert "police.csv line 3 (p2): skipped: date_of_birth '31/02/2001' is not a real date" in text
    assert "police.csv line 4 (p3): skipped: no name" in text
    assert "police.csv line 5 (p4): skipped: date_of_birth 2099-01-01 is in the future" in text
    assert "health.csv line 2 (h1): warning: nhs_number fails its check digit" in text
    assert "health.csv line 3 (p1): skipped: record_id already used (" in text
    assert "[####################]" in text and "Summary" in text
    result = pd.read_csv(output, dtype=str, keep_default_na=False)
    assert list(result.columns) == ["record_id", "cluster_id", "match_probability"]
    assert sorted(result["record_id"]) == ["h1", "h2", "p1"]
    clusters = result.set_index("record_id")["cluster_id"]
    assert clusters["p1"] == clusters["h1"] != clusters["h2"]
    assert len(pd.read_csv(rejects)) == 5


def test_trains_and_saves_a_model_when_none_is_given(tmp_path):
    from frontdoor.matching.engine.generator import generate_frame

    records = tmp_path / "records.csv"
    generate_frame(400, seed=5).to_csv(records, index=False)
    output, saved = tmp_path / "out.csv", tmp_path / "model.json"
    err = io.StringIO()
    code = main(
        ["link", "--input", str(records), "--output", str(output), "--save-model", str(saved)],
        stderr=err,
    )
    assert code == 0, err.getvalue()
    assert "ignoring columns person_id, household_id, same_name_relative" in err.getvalue()
    model = MatchModel.from_json(saved.read_text(encoding="utf-8"))
    assert model.trained_at and model.version in err.getvalue()
    assert len(pd.read_csv(output)) == len(pd.read_csv(records))


def test_refuses_input_it_cannot_use(tmp_path):
    err = io.StringIO()
    no_id = tmp_path / "no_id.csv"
    no_id.write_text("first_name,surname\nAnn,Smith\n", encoding="utf-8")
    try:
        main(["link", "--input", str(no_id), "--output", str(tmp_path / "o.csv")], stderr=err)
    except SystemExit as exit_:
        assert "has no record_id column" in str(exit_.code)
    else:
        raise AssertionError("a file without record_id was accepted")
    bad_model = tmp_path / "bad.json"
    bad_model.write_text("{}", encoding="utf-8")
    one = _write(tmp_path / "one.csv", "a,Ann,Smith,,,,\n")
    code = main(
        ["link", "--input", one, "--output", str(tmp_path / "o.csv"), "--model", str(bad_model)],
        stderr=err,
    )
    assert code == 2 and "cannot use model" in err.getvalue()


def test_runs_as_a_module(tmp_path):
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "frontdoor.matching.engine.cli", "link", "--help"],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[3])},
    )
    assert completed.returncode == 0
    assert "--input" in completed.stdout and "--save-model" in completed.stdout
