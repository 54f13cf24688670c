from hypothesis import given
from hypothesis import strategies as st

from frontdoor.core.identifiers import nhs_number_is_valid


def test_known_valid_and_invalid_nhs_numbers():
    assert nhs_number_is_valid("9434765919")
    assert nhs_number_is_valid("943 476 5919")
    assert nhs_number_is_valid("943-476-5919")
    assert not nhs_number_is_valid("9434765918")  # wrong check digit
    assert not nhs_number_is_valid("943476591")  # nine digits
    assert not nhs_number_is_valid("94347659190")
    assert not nhs_number_is_valid("")
    assert not nhs_number_is_valid("abcdefghij")


@given(st.text(max_size=30))
def test_any_text_is_answered_without_error(text):
    assert nhs_number_is_valid(text) in (True, False)


@given(st.from_regex(r"\A[0-9]{9}\Z"))
def test_exactly_one_check_digit_or_none_completes_nine_digits(first_nine):
    valid = [d for d in "0123456789" if nhs_number_is_valid(first_nine + d)]
    assert len(valid) <= 1


def test_non_ascii_digits_are_refused():
    assert not nhs_number_is_valid("٩٤٣٤٧٦٥٩١٩")  # Arabic-Indic digits
