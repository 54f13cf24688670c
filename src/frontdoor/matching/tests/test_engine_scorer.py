"""The pure-Python scorer: the cases safeguarding depends on, with the hand-set model."""

from __future__ import annotations

from datetime import date

import pytest

from frontdoor.matching.engine import Contribution, MatchModel, Record, Score

MODEL = MatchModel.default()


def person(record_id: str, **fields) -> Record:
    base = {
        "first_name": "Daniel",
        "surname": "Ormerod",
        "date_of_birth": date(1987, 2, 11),
        "sex": "male",
        "postcode": "QA4 7BX",
        "address": "12 Kestrel Close",
    }
    base.update(fields)
    return Record(record_id, **base)


def level(score: Score, field: str) -> Contribution:
    return next(c for c in score.contributions if c.field == field)


def test_the_same_record_twice_is_a_match():
    score = MODEL.score(person("1"), person("2", source="health"))
    assert score.probability > 0.999


def test_father_and_son_with_one_name_at_one_address_are_not_a_match():
    father = person("1", date_of_birth=date(1962, 5, 1))
    son = person("2", date_of_birth=date(1990, 8, 30))
    score = MODEL.score(father, son)
    assert score.probability < 0.001
    assert "generation" in level(score, "date_of_birth").level
    # Even with a middle name in common and the same sex, address and everything else.
    score = MODEL.score(
        person("3", middle_names="Lee", date_of_birth=date(1962, 5, 1)),
        person("4", middle_names="Lee", date_of_birth=date(1980, 5, 1)),
    )
    assert score.probability < 0.001


def test_mother_and_daughter_told_apart_by_jr_sr_without_dates():
    mother = person(
        "1", first_name="Joanne", surname="Ormerod Snr", sex="female", date_of_birth=None
    )
    daughter = person(
        "2", first_name="Joanne", surname="Ormerod Jnr", sex="female", date_of_birth=None
    )
    score = MODEL.score(mother, daughter)
    assert score.probability < 0.001
    assert level(score, "generation").weight < -20


def test_transposed_date_of_birth_is_still_a_match():
    score = MODEL.score(person("1"), person("2", date_of_birth=date(1987, 11, 2)))
    assert level(score, "date_of_birth").level == "Day and month swapped"
    assert level(score, "date_of_birth").weight > 5
    assert score.probability > 0.99


def test_nickname_is_still_a_match():
    score = MODEL.score(
        person("1", first_name="Margaret", sex="female"),
        person("2", first_name="Peggy", sex="female"),
    )
    assert level(score, "first_name").level == "Nickname or variant of the same name"
    assert score.probability > 0.99


def test_swapped_first_name_and_surname_is_still_a_match():
    score = MODEL.score(person("1"), person("2", first_name="Ormerod", surname="Daniel"))
    assert level(score, "first_name").level == "First name and surname swapped"
    assert score.probability > 0.99


def test_changed_surname_and_moved_house_is_still_likely():
    score = MODEL.score(
        person("1", first_name="Sophie", sex="female", nhs_number="9434765919"),
        person(
            "2",
            first_name="Sophie",
            surname="Fairclough",
            sex="female",
            postcode="QB9 1ZZ",
            address="3 Quarry Lane",
            nhs_number="943 476 5919",
        ),
    )
    assert score.probability > 0.99
    assert level(score, "surname").weight < 0


def test_different_people_are_not_a_match():
    score = MODEL.score(
        person("1"),
        person(
            "2",
            first_name="Aisha",
            surname="Khan",
            sex="female",
            date_of_birth=date(2001, 6, 6),
            postcode="QZ1 1ZZ",
            address="",
        ),
    )
    assert score.probability < 1e-6


def test_contributions_explain_the_whole_score():
    score = MODEL.score(person("1"), person("2", first_name="Dan"))
    assert [c.field for c in score.contributions][0] == "prior"
    assert sum(c.weight for c in score.contributions) == pytest.approx(score.match_weight)
    assert all(c.level for c in score.contributions)


def test_score_many_keeps_the_order_of_candidates():
    query = person("q")
    candidates = [person("1", first_name="Aisha"), person("2"), person("3", surname="Khan")]
    scores = MODEL.score_many(query, candidates)
    assert [s.match_weight for s in scores] == [
        MODEL.score(query, c).match_weight for c in candidates
    ]
    assert max(range(3), key=lambda i: scores[i].probability) == 1


def test_model_round_trips_through_json_and_refuses_tampering():
    text = MODEL.to_json()
    again = MatchModel.from_json(text)
    assert again.version == MODEL.version
    assert again.score(person("1"), person("2", first_name="Dan")).match_weight == pytest.approx(
        MODEL.score(person("1"), person("2", first_name="Dan")).match_weight
    )
    with pytest.raises(ValueError, match="altered"):
        MatchModel.from_json(text.replace('"m": 0.8,', '"m": 0.9,', 1))
    with pytest.raises(ValueError, match="not a model"):
        MatchModel.from_json("{nope")
    with pytest.raises(ValueError, match="format"):
        MatchModel.from_json('{"format": "something else"}')
