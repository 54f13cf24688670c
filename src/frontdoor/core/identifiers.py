"""Validators for identifiers agencies use."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

_NHS_NUMBER = re.compile(r"[0-9]{10}")


def normalise_nhs_number(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def nhs_number_is_valid(value: str) -> bool:
    """The NHS number's modulus 11 check digit (NHS Data Dictionary)."""
    digits = normalise_nhs_number(value)
    if not _NHS_NUMBER.fullmatch(digits):
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10:
        return False
    return check == int(digits[9])


def validate_nhs_number(value: str) -> None:
    if not nhs_number_is_valid(value):
        raise ValidationError(
            "Enter a valid NHS number: 10 digits, like 943 476 5919. Check it against the record.",
            code="invalid_nhs_number",
        )
