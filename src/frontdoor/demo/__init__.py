"""A seeded, repeatable, fictional partnership for demonstrations and development."""
