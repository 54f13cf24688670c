"""Clusters that never join two generations, and that respect practitioners' decisions.

Connected components chain: if a son's record links to a record with no date of birth,
and that one links to the father's, all three become one person. After Splink's
clustering, each cluster holding records GENERATION_YEARS or more apart (or with different
Jr/Sr suffixes), a pair a practitioner said are different people (``cannot_link``), or one
end of a confirmed match (``must_link``) is rebuilt from its links, strongest first,
refusing any link that would join records that must stay apart.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .comparisons import GENERATION_YEARS

OUTPUT_COLUMNS = ["record_id", "cluster_id", "match_probability"]


class _Components:
    def __init__(self, ids: Sequence[str], years: dict, generations: dict, cannot: dict):
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in ids}
        self.low = {i: years.get(i) for i in ids}
        self.high = dict(self.low)
        self.generations = {i: ({generations[i]} if generations.get(i) else set()) for i in ids}
        self.cannot = cannot

    def find(self, item: str) -> str:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: str, b: str, *, forced: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        big = set(self.members[ra])
        if any(other in big for m in self.members[rb] for other in self.cannot.get(m, ())):
            return False
        lows = [y for y in (self.low[ra], self.low[rb]) if y is not None]
        highs = [y for y in (self.high[ra], self.high[rb]) if y is not None]
        generations = self.generations[ra] | self.generations[rb]
        if not forced:
            if lows and max(highs) - min(lows) >= GENERATION_YEARS:
                return False
            if len(generations) > 1:
                return False
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        self.low[ra] = min(lows) if lows else None
        self.high[ra] = max(highs) if highs else None
        self.generations[ra] = generations
        return True


def constrained_clusters(
    attributes: pd.DataFrame,
    clusters: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    must_link: Sequence[tuple[str, str]] = (),
    cannot_link: Sequence[tuple[str, str]] = (),
) -> pd.DataFrame:
    """Fix up connected components (see module docstring).

    attributes: unique_id, dob_year, generation. clusters: unique_id, cluster_id (every
    record). edges: unique_id_l, unique_id_r, match_probability (the links above threshold).
    """
    attributes = attributes.set_index("unique_id")
    frame = clusters.astype({"unique_id": str, "cluster_id": str}).set_index("unique_id")
    frame = frame.join(attributes, how="left")
    known = set(frame.index)
    for a, b in [*must_link, *cannot_link]:
        for record_id in (a, b):
            if record_id not in known:
                raise ValueError(f"decision names record {record_id!r}, which is not in the data")

    stats = frame.groupby("cluster_id").agg(
        low=("dob_year", "min"), high=("dob_year", "max"), generations=("generation", "nunique")
    )
    bad = set(
        stats.index[
            ((stats["high"] - stats["low"]).fillna(0) >= GENERATION_YEARS)
            | (stats["generations"] > 1)
        ]
    )
    cluster_of = frame["cluster_id"]
    for a, b in cannot_link:
        if cluster_of[a] == cluster_of[b]:
            bad.add(cluster_of[a])
    for a, b in must_link:
        bad.add(cluster_of[a])
        bad.add(cluster_of[b])

    edges = edges.astype({"unique_id_l": str, "unique_id_r": str})
    final = cluster_of.copy()
    if bad:
        _rebuild(frame, final, edges, bad, must_link, cannot_link)

    # The strongest link holding each record in its (final) cluster.
    same = edges[
        final.reindex(edges["unique_id_l"]).to_numpy()
        == final.reindex(edges["unique_id_r"]).to_numpy()
    ]
    strongest = (
        pd.concat(
            [
                same[["unique_id_l", "match_probability"]].rename(
                    columns={"unique_id_l": "record_id"}
                ),
                same[["unique_id_r", "match_probability"]].rename(
                    columns={"unique_id_r": "record_id"}
                ),
            ]
        )
        .groupby("record_id")["match_probability"]
        .max()
    )
    for a, b in must_link:
        for record_id in (a, b):
            strongest[record_id] = 1.0
    result = pd.DataFrame({"record_id": final.index, "cluster_id": final.to_numpy()})
    result["match_probability"] = result["record_id"].map(strongest)
    return result[OUTPUT_COLUMNS]


def _rebuild(frame, final, edges, bad, must_link, cannot_link) -> None:
    ids = list(frame.index[frame["cluster_id"].isin(bad)])
    members = set(ids)
    years = {i: (None if pd.isna(y) else int(y)) for i, y in frame.loc[ids, "dob_year"].items()}
    generations = {i: g for i, g in frame.loc[ids, "generation"].items() if isinstance(g, str)}
    cannot: dict[str, set[str]] = {}
    for a, b in cannot_link:
        cannot.setdefault(a, set()).add(b)
        cannot.setdefault(b, set()).add(a)
    components = _Components(ids, years, generations, cannot)
    for a, b in must_link:
        components.union(a, b, forced=True)
    inside = edges[edges["unique_id_l"].isin(members) & edges["unique_id_r"].isin(members)]
    inside = inside.sort_values("match_probability", ascending=False, kind="stable")
    for a, b in zip(inside["unique_id_l"], inside["unique_id_r"], strict=True):
        components.union(a, b)
    for record_id in ids:
        root = components.find(record_id)
        final[record_id] = min(components.members[root])
