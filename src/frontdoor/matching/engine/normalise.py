"""Normalisation of the fields people are matched on: names, dates, postcodes, identifiers.

Pure functions, no Django. Every field goes through these before it is compared or indexed,
in batch linkage (Splink) and in real-time matching alike, so both see the same values.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime

from .nicknames import are_variants, canonical_given_name

__all__ = [
    "name",
    "name_and_generation",
    "postcode",
    "postcode_sector",
    "postcode_district",
    "parse_date",
    "nhs_number",
    "nhs_number_valid",
    "upn",
    "sex",
    "address",
    "soundex",
    "canonical_given_name",
    "are_variants",
]

_APOSTROPHES = "'\u2019\u2018\u02bc\u0060\u00b4"
_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2212_"
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "master", "prof", "rev", "sir"})
_GENERATIONS = {
    "jr": "junior",
    "jnr": "junior",
    "junior": "junior",
    "sr": "senior",
    "snr": "senior",
    "senior": "senior",
    "ii": "ii",
    "iii": "iii",
    "iv": "iv",
}
_SUFFIX = re.compile(r"[\s,]+(" + "|".join(_GENERATIONS) + r")\.?\s*$")
_TITLE = re.compile(r"^(?:" + "|".join(_TITLES) + r")\.?\s+")
_STRIP_TABLE = str.maketrans({c: None for c in _APOSTROPHES + "."})
_SPACE_TABLE = str.maketrans({c: " " for c in _HYPHENS + ',;/\\()[]{}"&+'})


def _fold(text: str) -> str:
    # NFKD splits accented letters into base + combining marks (and compatibility forms such
    # as ligatures and full-width letters into plain ones); dropping the marks makes "Zoë"
    # and "Zoe", composed or decomposed, the same. casefold handles ß and the like.
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Dotless i (Turkish) is written "i" by most English systems, and "I" lowers to "i".
    return stripped.casefold().replace("\u0131", "i")


def _tokens(text: str | None) -> list[str]:
    if not text:
        return []
    folded = _fold(text).translate(_STRIP_TABLE).translate(_SPACE_TABLE)
    # Keep letters of any script; anything else (digits, punctuation, symbols) separates words.
    cleaned = "".join(ch if ch.isalpha() else " " for ch in folded)
    return cleaned.split()


def name_and_generation(text: str | None) -> tuple[str, str]:
    """A name normalised, and any generation suffix it carried (Jr, Snr, III) separately.

    A title (Mr, Dr) is dropped from the front and a suffix taken from the end only when a
    space or comma separates it from the rest of the name: "Rev-Smith" stays a name.
    """
    if not text:
        return "", ""
    folded = _fold(text).strip()
    generation = ""
    while True:
        match = _SUFFIX.search(folded)
        if not match or not folded[: match.start()].strip():
            break
        generation = _GENERATIONS[match.group(1)]
        folded = folded[: match.start()]
    match = _TITLE.match(folded)
    if match and folded[match.end() :].strip():
        folded = folded[match.end() :]
    return " ".join(_tokens(folded)), generation


def name(text: str | None) -> str:
    """Lower case, accents and apostrophes removed, hyphens and runs of spaces as one space.

    "O'Brien" -> "obrien", "Smith-Jones" -> "smith jones", "ZOË" -> "zoe", "Mr John Smith Jr"
    -> "john smith". A single name stays a single name; an empty or symbol-only input gives "".
    """
    return name_and_generation(text)[0]


_POSTCODE_FULL = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
_POSTCODE_OUTWARD = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")


def postcode(text: str | None) -> str:
    """A UK postcode in its standard form ("sw1a1aa" -> "SW1A 1AA").

    An outward code alone ("SW1A") is kept as it is, as is a code from abroad with a digit in
    it ("2119"); anything else (NFA, UNKNOWN, N/A) gives "".
    """
    if not text:
        return ""
    compact = re.sub(r"[^0-9A-Za-z]", "", text).upper()
    full = _POSTCODE_FULL.match(compact)
    if full:
        return f"{full.group(1)} {full.group(2)}"
    if _POSTCODE_OUTWARD.match(compact):
        return compact
    # A postcode from abroad (or one we do not know the form of): kept as written if it
    # has a digit, so that "NFA" (no fixed abode) and "UNKNOWN" never count as one address.
    if 3 <= len(compact) <= 10 and any(ch.isdigit() for ch in compact):
        return compact
    return ""


def postcode_sector(pc: str) -> str:
    """ "SW1A 1AA" -> "SW1A 1" (about 3,000 addresses); "" if only the district is known."""
    return pc[:-2] if " " in pc else ""


def postcode_district(pc: str) -> str:
    """ "SW1A 1AA" -> "SW1A"."""
    return pc.split(" ", 1)[0] if pc else ""


_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$")
_DMY = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2,4})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TEXT_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[ \-/]*([a-z]{3,9})\.?[ \-/,]*(\d{2,4})$")
_MIN_DATE = date(1900, 1, 1)


def parse_date(text: str | date | None, *, today: date | None = None) -> date:
    """A date of birth from the forms agencies write it in (UK order: day before month).

    Accepts 2011-03-04, 04/03/2011, 4.3.2011, 20110304, 4 March 2011, 4-Mar-2011 and ISO
    timestamps. Raises ValueError with a reason a person can act on: empty, unparseable,
    two-digit year, no such day, in the future, or before 1900.
    """
    if isinstance(text, datetime):
        value = text.date()
    elif isinstance(text, date):
        value = text
    else:
        raw = (text or "").strip()
        if not raw:
            raise ValueError("no date given")
        value = _parse_text(raw)
    limit = today or datetime.now(tz=UTC).date()
    if value > limit:
        raise ValueError(f"{value.isoformat()} is in the future")
    if value < _MIN_DATE:
        raise ValueError(f"{value.isoformat()} is before 1900")
    return value


def _parse_text(raw: str) -> date:
    lowered = raw.lower()
    match = _ISO.match(lowered)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _build_date(raw, year, month, day)
    match = _COMPACT.match(lowered)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _build_date(raw, year, month, day)
    match = _DMY.match(lowered)
    if match:
        day, month, year_text = match.groups()
        return _build_date(raw, _year(raw, year_text), int(month), int(day))
    match = _TEXT_MONTH.match(lowered)
    if match:
        day, month_text, year_text = match.groups()
        month = _MONTHS.get(month_text[:3])
        if month is None:
            raise ValueError(f"{raw!r}: {month_text!r} is not a month")
        return _build_date(raw, _year(raw, year_text), month, int(day))
    raise ValueError(f"{raw!r} is not a date (expected e.g. 2011-03-04 or 04/03/2011)")


def _year(raw: str, year_text: str) -> int:
    if len(year_text) != 4:
        raise ValueError(f"{raw!r} has a two-digit year: the century is ambiguous")
    return int(year_text)


def _build_date(raw: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise ValueError(f"{raw!r} is not a real date ({error})") from None


def nhs_number(text: str | None) -> str:
    """The ten digits of an NHS number, spaces and dashes removed; "" if it is not ten digits."""
    digits = re.sub(r"[\s\-]", "", text or "")
    return digits if len(digits) == 10 and digits.isascii() and digits.isdigit() else ""


def nhs_number_valid(text: str | None) -> bool:
    """True if ``text`` is ten digits whose last is the modulus 11 check digit of the others.

    Weights 10 down to 2 on the first nine digits; check = 11 - (sum mod 11), 11 becomes 0
    and 10 means no valid number. Ten identical digits (placeholders such as 0000000000 and
    9999999999) are refused although some pass the arithmetic.
    """
    digits = nhs_number(text)
    if not digits or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def upn(text: str | None) -> str:
    """A unique pupil number: 13 characters, a letter then 12 digits (or 11 and a letter)."""
    compact = re.sub(r"\s", "", text or "").upper()
    return compact if re.fullmatch(r"[A-Z][0-9]{11}[0-9A-Z]", compact) else ""


def sex(text: str | None) -> str:
    value = (text or "").strip().casefold()
    if value in {"f", "female", "woman", "girl"}:
        return "female"
    if value in {"m", "male", "man", "boy"}:
        return "male"
    return ""


def address(text: str | None) -> str:
    """An address line folded for comparison: lower case, no punctuation, single spaces."""
    if not text:
        return ""
    folded = _fold(text).translate(_STRIP_TABLE).translate(_SPACE_TABLE)
    return " ".join("".join(ch if ch.isalnum() else " " for ch in folded).split())


_SOUNDEX_CODES = {
    **dict.fromkeys("bfpv", "1"),
    **dict.fromkeys("cgjkqsxz", "2"),
    **dict.fromkeys("dt", "3"),
    "l": "4",
    **dict.fromkeys("mn", "5"),
    "r": "6",
}


def soundex(text: str) -> str:
    """American Soundex of a normalised name ("robert" -> "R163"); "" if it has no a-z letters.

    Our own implementation of the published algorithm: h and w do not separate equal codes,
    vowels do. Spaces are ignored ("smith jones" is coded as "smithjones").
    """
    letters = [ch for ch in text if "a" <= ch <= "z"]
    if not letters:
        return ""
    first = letters[0]
    code = [first.upper()]
    previous = _SOUNDEX_CODES.get(first, "")
    for ch in letters[1:]:
        digit = _SOUNDEX_CODES.get(ch, "")
        if digit and digit != previous:
            code.append(digit)
            if len(code) == 4:
                break
        if ch not in "hw":
            previous = digit
    return "".join(code).ljust(4, "0")
