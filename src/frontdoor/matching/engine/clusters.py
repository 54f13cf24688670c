"""Clusters that never join two different people we can tell apart.

Connected components chain: if a son's record links to a record with no date of birth,
and that one links to the father's, all three become one person. So after Splink's
clustering every pair inside each cluster is compared (a second, small Splink pass blocked
on the cluster), and a pair is a *conflict* when:

- they were born GENERATION_YEARS or more apart, or carry different Jr/Sr suffixes;
- their first names are not variants nor alike, both records give a sex, no NHS number or
  UPN joins them, and their dates of birth are the same (twins) or differ by more than a
  typing mistake (siblings): two records are rarely the same person with both of those
  wrong. (Records without a sex are not held apart by this rule: a data set that replaces
  whole values at random, such as FEBRL, would otherwise look full of twins.)
- the evidence against them being one person is strong (field weights, without the prior,
  summing to CONFLICT_EVIDENCE or less);
- a practitioner has said they are different people (``cannot_link``).

A cluster holding a conflict, or one end of a confirmed match (``must_link``), is rebuilt
from its links, strongest first, refusing any link that would put a conflicting pair in one
cluster. Confirmed matches are joined first and are only refused by a ``cannot_link``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .comparisons import BY_NAME

OUTPUT_COLUMNS = ["record_id", "cluster_id", "match_probability"]
CONFLICT_EVIDENCE = -10.0
_TWIN_DOB_LEVELS = (1, 2)
_DIFFERENT_DOB_LEVELS = (4, 6)
_DIFFERENT_FIRST_NAME = 7


def conflict_reason(levels: Mapping[str, int], evidence: float) -> str:
    """Why two records must not be one person ("" if nothing says so).

    ``levels``: the comparison level index of each comparison (0 = missing);
    ``evidence``: the sum of the field weights (match weight less the prior).
    """
    if levels["date_of_birth"] == 5:
        return "Born a generation apart"
    if levels["generation"] == 2:
        return "Different Jr/Sr suffixes"
    if (
        levels["first_name"] == _DIFFERENT_FIRST_NAME
        and levels["sex"] != 0
        and levels["date_of_birth"] in _TWIN_DOB_LEVELS
        and levels["nhs_number"] != 1
        and levels["upn"] != 1
    ):
        return "Possibly twins: same date of birth, different first names"
    if (
        levels["first_name"] == _DIFFERENT_FIRST_NAME
        and levels["sex"] != 0
        and levels["date_of_birth"] in _DIFFERENT_DOB_LEVELS
        and levels["nhs_number"] != 1
        and levels["upn"] != 1
    ):
        return "Different first names and dates of birth (perhaps siblings)"
    if evidence <= CONFLICT_EVIDENCE:
        return "Strong evidence of two different people"
    return ""


def level_from_gamma(comparison: str, gamma: int) -> int:
    """Splink numbers levels -1 (null), then from n-2 (first level) down to 0 (else)."""
    if gamma < 0:
        return 0
    return len(BY_NAME[comparison].labels) - 1 - gamma


def connected_components(ids: pd.Series, edges: pd.DataFrame) -> pd.DataFrame:
    """unique_id, cluster_id: records joined by edges share a cluster (named by its least id).

    Vectorised label propagation with pointer jumping; a record without edges is alone.
    """
    codes, uniques = pd.factorize(ids.astype(str), sort=True)
    position = pd.Series(np.arange(len(uniques)), index=uniques)
    left = position.reindex(edges["unique_id_l"].astype(str)).to_numpy()
    right = position.reindex(edges["unique_id_r"].astype(str)).to_numpy()
    labels = np.arange(len(uniques))
    while True:
        lowest = np.minimum(labels[left], labels[right])
        updated = labels.copy()
        np.minimum.at(updated, left, lowest)
        np.minimum.at(updated, right, lowest)
        updated = np.minimum(updated, updated[updated])
        while True:  # jump to the root of each label
            jumped = updated[updated]
            if np.array_equal(jumped, updated):
                break
            updated = jumped
        if np.array_equal(updated, labels):
            break
        labels = updated
    # Sorted factorisation: the smallest label in a component is its least record id.
    return pd.DataFrame({"unique_id": uniques[codes], "cluster_id": uniques[labels[codes]]})


class _Components:
    def __init__(self, ids: Sequence[str], apart: Mapping[str, set[str]]):
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in ids}
        self.apart = apart

    def find(self, item: str) -> str:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        big = set(self.members[ra])
        if any(other in big for m in self.members[rb] for other in self.apart.get(m, ())):
            return False
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return True


def _pairs_to_map(pairs: Sequence[tuple[str, str]]) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for a, b in pairs:
        result.setdefault(a, set()).add(b)
        result.setdefault(b, set()).add(a)
    return result


def constrained_clusters(
    clusters: pd.DataFrame,
    edges: pd.DataFrame,
    conflicts: Sequence[tuple[str, str]],
    *,
    must_link: Sequence[tuple[str, str]] = (),
    cannot_link: Sequence[tuple[str, str]] = (),
) -> pd.DataFrame:
    """Rebuild the clusters that hold a conflict or a decision (see module docstring).

    clusters: unique_id, cluster_id (every record). edges: unique_id_l, unique_id_r,
    match_probability (the links at or above the threshold). conflicts: pairs within a
    cluster that must be apart.
    """
    frame = clusters.astype({"unique_id": str, "cluster_id": str}).set_index("unique_id")
    cluster_of = frame["cluster_id"]
    known = cluster_of.index
    for a, b in [*must_link, *cannot_link]:
        for record_id in (a, b):
            if record_id not in known:
                raise ValueError(f"decision names record {record_id!r}, which is not in the data")
    bad: set[str] = set()
    for a, b in [*conflicts, *cannot_link]:
        if cluster_of[a] == cluster_of[b]:
            bad.add(cluster_of[a])
    for a, b in must_link:
        bad.update((cluster_of[a], cluster_of[b]))

    edges = edges.astype({"unique_id_l": str, "unique_id_r": str})
    final = cluster_of.copy()
    if bad:
        ids = list(cluster_of.index[cluster_of.isin(bad)])
        members = set(ids)
        # Confirmed matches first, refused only by a practitioner's "different people".
        components = _Components(ids, _pairs_to_map(cannot_link))
        for a, b in must_link:
            components.union(a, b)
        components.apart = _pairs_to_map([*conflicts, *cannot_link])
        inside = edges[edges["unique_id_l"].isin(members) & edges["unique_id_r"].isin(members)]
        inside = inside.sort_values("match_probability", ascending=False, kind="stable")
        for a, b in zip(inside["unique_id_l"], inside["unique_id_r"], strict=True):
            components.union(a, b)
        for record_id in ids:
            final[record_id] = min(components.members[components.find(record_id)])

    # The strongest link holding each record in its (final) cluster.
    same = edges[
        final.reindex(edges["unique_id_l"]).to_numpy()
        == final.reindex(edges["unique_id_r"]).to_numpy()
    ]
    strongest = (
        pd.concat(
            [
                same[["unique_id_l", "match_probability"]].set_axis(
                    ["record_id", "match_probability"], axis=1
                ),
                same[["unique_id_r", "match_probability"]].set_axis(
                    ["record_id", "match_probability"], axis=1
                ),
            ]
        )
        .groupby("record_id")["match_probability"]
        .max()
    )
    for a, b in must_link:
        if final[a] == final[b]:
            strongest[a] = strongest[b] = 1.0
    result = pd.DataFrame({"record_id": final.index, "cluster_id": final.to_numpy()})
    result["match_probability"] = result["record_id"].map(strongest)
    return result[OUTPUT_COLUMNS]
