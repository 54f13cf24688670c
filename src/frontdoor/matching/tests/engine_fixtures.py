"""Records shared by the engine's tests: crafted pairs that reach every comparison level."""

from __future__ import annotations

from datetime import date

from frontdoor.matching.engine import Record


def crafted_records() -> list[Record]:
    """Fictional records chosen so that, between them, every level of every comparison occurs."""
    r = Record
    return [
        r("a1", "police", "William", "John", "Smith", date(1980, 3, 4), "male", "QA1 2BD",
          "1 Acorn Street", "9434765919", ""),
        r("a2", "health", "Bill", "J", "Smith", date(1980, 4, 3), "m", "qa12bd",
          "1 acorn street", "9434765919", ""),
        r("a3", "school", "William", "", "Smith Jr", date(2006, 5, 4), "male", "QA1 2BD",
          "1 Acorn Street", "", "A123456789012"),
        r("a4", "housing", "Smith", "", "William", date(1980, 3, 4), "male", "QA1 2BX", ""),
        r("a5", "police", "Wiliam", "Peter", "Smyth", date(1980, 3, 5), "", "QA1 3ZZ", ""),
        r("a6", "health", "Willem", "", "Smith-Jones", date(1981, 3, 4), "male", "QA9 9ZZ", ""),
        r("a7", "social_care", "William", "", "Smith Sr", date(1955, 7, 1), "male", "QA1 2BD",
          "1 Acorn Street", "4010232137", ""),
        r("a8", "police", "", "", "Smith Jnr", date(2006, 5, 4), "male", "QA1 2BD", ""),
        r("b1", "health", "Katherine", "", "O'Brien", date(1990, 1, 2), "female", "QB2 4EF",
          "", "", ""),
        r("b2", "school", "Kate", "", "Obrien", date(1990, 1, 2), "f", "QB2 4EG", "", "", ""),
        r("b3", "police", "Catherine", "Anne", "Brown", date(1990, 2, 1), "female", "QB2",
          "", "", ""),
        r("b4", "health", "Kathryn", "", "Jones", date(1995, 6, 7), "female", "QB5 1AA", ""),
        r("b5", "housing", "Katy", "", "OBrian", date(1991, 1, 2), "female", "", "", "", ""),
        r("c1", "school", "Jon", "", "Taylor", date(2012, 9, 10), "male", "QC3 1AB", "",
          "", "B123456789012"),
        r("c2", "school", "Jonathan", "", "Tailor", date(2012, 9, 10), "male", "QC3 1AB", "",
          "", "B123456789013"),
        r("c3", "health", "Jack", "", "Taylor", date(2012, 10, 9), "", "QC3 1AB", "", "", ""),
        r("c4", "police", "Jake", "", "Taylor", None, "male", "QC3 1AB", "", "", ""),
        r("d1", "health", "Ayesha", "", "Khan", date(1975, 12, 25), "female", "QD1 1DD", "",
          "", ""),
        r("d2", "health", "Aisha", "", "Khan", date(1975, 12, 24), "female", "QD1 1DD", "", "", ""),
        r("d3", "police", "Aisha", "", "", date(1975, 12, 25), "", "", "", "", ""),
        r("e1", "police", "Zoë", "", "Łukasz", None, "", "", "", "", ""),
        r("e2", "police", "Zoe", "", "Lukasz", date(2001, 1, 1), "female", "QE1 1EE", "", "", ""),
        r("e3", "health", "Mohammed", "", "Ali", date(2000, 1, 1), "male", "QE1 1EF", "", "",
          ""),
        r("e4", "health", "Muhammad", "", "Ali", date(2010, 1, 1), "male", "QE1 1EF", "", "",
          ""),
    ]
