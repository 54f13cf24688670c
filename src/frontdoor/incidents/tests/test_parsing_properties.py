"""Promise 17 for the police extract parser: any value in any column, and any bytes at all,
are either accepted as a clean value or reported on their line and column; the parser never
raises, so an upload never ends in a server error."""

from datetime import UTC, datetime
from io import BytesIO

from hypothesis import given, settings
from hypothesis import strategies as st

from frontdoor.incidents.extract_format import COLUMNS
from frontdoor.incidents.parsing import check_csv

from .conftest import GOOD_ROWS, HEADER

NOW = datetime(2026, 1, 1, 12, tzinfo=UTC)
ANY_TEXT = st.text(max_size=120)


def one_row_with(column: str, value: str) -> bytes:
    import csv
    import io

    values = dict(zip(HEADER.split(","), GOOD_ROWS[0].split(","), strict=True))
    values[column] = value
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(values.keys())
    writer.writerow(values.values())
    return out.getvalue().encode("utf-8", errors="surrogatepass")


@settings(max_examples=150, deadline=None)
@given(column=st.sampled_from(COLUMNS), value=ANY_TEXT)
def test_any_value_in_any_column_is_kept_or_reported_on_its_line(column, value):
    try:
        data = one_row_with(column, value)
    except UnicodeEncodeError:  # a lone surrogate cannot be in a UTF-8 file at all
        return
    result = check_csv(BytesIO(data), now=NOW)
    if result.ok:
        assert len(result.incidents) == 1
        return
    assert result.incidents == {}, "a file with an error imports nothing"
    for error in result.errors:
        assert error.reason, error
        # the file as a whole (0), the header (1) or a line the row spans
        assert 0 <= error.line <= data.count(b"\n") + 1, error


@settings(max_examples=100, deadline=None)
@given(
    moment=st.datetimes(timezones=st.none() | st.timezones()),
    separator=st.sampled_from(["T", " "]),
)
def test_any_moment_is_a_time_the_import_can_store_or_is_refused(moment, separator):
    """Any year from 1 to 9999, with or without an offset: what the parser accepts must be
    storable (between 1900 and now), and what it refuses is refused with a reason."""
    text = moment.isoformat(sep=separator)
    result = check_csv(BytesIO(one_row_with("occurred_at", text)), now=NOW)
    if result.ok:
        stored = result.incidents["R1"].occurred_at
        # 1900 in the time the file gives, which can be the last hours of 1899 in UTC
        assert datetime(1899, 12, 31, tzinfo=UTC) <= stored.astimezone(UTC) <= NOW
        result.incidents["R1"].fingerprint()
    else:
        assert [e.field for e in result.errors] == ["occurred_at"], result.errors


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_at_all_are_refused_with_a_reason_or_read(data):
    result = check_csv(BytesIO(data), now=NOW)
    assert result.ok or (result.errors and all(e.reason for e in result.errors))
    if not result.ok:
        assert result.incidents == {}
