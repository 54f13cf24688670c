"""The app ships an unchanged copy of the standard; it must match the published one."""

import json

from frontdoor.directory.schema import STANDARD_DIR, schema_names

from .standard import standard_dir


def test_the_shipped_schemata_are_the_published_ones():
    published = standard_dir()
    names = schema_names(published / "schemata")
    assert names == schema_names(), "the app's copy has different schemata"
    for name in names:
        ours = json.loads((STANDARD_DIR / "schemata" / f"{name}.json").read_text())
        theirs = json.loads((published / "schemata" / f"{name}.json").read_text())
        assert ours == theirs, f"{name}.json differs from the published standard"
    for name in ("openapi.json", "LICENSE"):
        assert (STANDARD_DIR / name).read_bytes() == (published / name).read_bytes(), name
