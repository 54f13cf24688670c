"""Batch linkage with Splink: train a model on a partnership's records, and link them.

    model, linker = train(frame)                  # u by random sampling, m by EM, TF on names
    clusters = link(frame, model, threshold=0.9)  # record_id, cluster_id, match_probability

The Splink settings are built from ``comparisons.COMPARISONS`` and ``blocking.BLOCKING_RULES``,
the same definitions the Python scorer and the real-time index use. DuckDB is the default
backend; ``backend="spark"`` runs the same SQL on Spark (local mode unless a session is given).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from .blocking import splink_blocking_rules
from .clusters import (
    conflict_reason,
    connected_components,
    constrained_clusters,
    level_from_gamma,
)
from .comparisons import COMPARISONS
from .frames import prepare_frame
from .model import MatchModel
from .records import Record

log = logging.getLogger(__name__)

Backend = str  # "duckdb" | "spark"
# Smoothing of learnt parameters. EM gives m near 0 to a level no true match in the training
# data landed on (and so a weight of -60 for, say, a middle initial); we believe no such
# level is rarer than 1 in 1,000 among true matches. u is floored at 1 in a million pairs
# (a level random sampling never saw).
M_FLOOR = 1e-3
U_FLOOR = 1e-6
TF_COLUMNS = ("first_name", "surname", "postcode")
# Deterministic rules (nearly certain matches) used to estimate how many pairs match at all,
# and the recall we assume they have.
_DETERMINISTIC = (("first_name", "surname", "dob"), ("nhs_number",), ("upn",))
_DETERMINISTIC_RECALL = 0.6
# EM passes: each blocks on some fields and so learns the m of all the others (names and
# address from the first, date of birth and address from the second).
_EM_PASSES = (("dob",), ("first_sdx", "surname_sdx"))


def splink_settings(
    model: MatchModel | None = None,
    *,
    retain_columns: bool = False,
    term_frequencies: bool = True,
) -> Any:
    """Splink settings for our comparisons, with the model's m and u if one is given.

    ``term_frequencies=False`` leaves out the term-frequency adjustments (and the tables
    Splink builds for them): for a pass that only reads comparison levels.
    """
    import splink.comparison_library as cl
    from splink import SettingsCreator

    comparisons = []
    for comparison in COMPARISONS:
        levels = comparison.splink_levels()
        for index, (level, label) in enumerate(zip(levels, comparison.labels, strict=True)):
            options: dict[str, Any] = {"label_for_charts": label}
            if not term_frequencies and index in comparison.tf_levels:
                options["tf_adjustment_column"] = None
            if index in comparison.fixed_m:
                options.update(m_probability=comparison.fixed_m[index], fix_m_probability=True)
            if model is not None and index > 0:
                parameters = model.levels[comparison.name][index]
                options.update(m_probability=parameters.m, u_probability=parameters.u)
            level.configure(**options)
        comparisons.append(cl.CustomComparison(levels, output_column_name=comparison.name))
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=splink_blocking_rules(),
        probability_two_random_records_match=(
            model.probability_two_random_records_match if model is not None else 1e-4
        ),
        retain_matching_columns=retain_columns,
        retain_intermediate_calculation_columns=retain_columns,
        additional_columns_to_retain=["dob_year", "generation"] if retain_columns else [],
    )


def db_api(backend: Backend = "duckdb", *, spark_session: Any = None) -> Any:
    """A Splink database API for the backend (a local Spark session if none is given)."""
    if backend == "duckdb":
        from splink import DuckDBAPI

        return DuckDBAPI()
    if backend == "spark":
        from splink import SparkAPI

        return SparkAPI(spark_session=spark_session or local_spark_session())
    raise ValueError(f"backend must be 'duckdb' or 'spark', not {backend!r}")


def local_spark_session(cores: int = 2, memory: str = "4g", *, tiny: bool = False) -> Any:
    """A PySpark local-mode session with Splink's string-similarity functions loaded.

    ``tiny=True`` tunes it for a few hundred records (tests): one partition, no adaptive
    execution or whole-stage code generation, and a JVM that starts fast.
    """
    import tempfile

    from pyspark.sql import SparkSession
    from splink.internals.spark.jar_location import similarity_jar_location

    partitions = "1" if tiny else str(cores * 4)
    builder = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("frontdoor-matching")
        .config("spark.jars", similarity_jar_location())
        .config("spark.driver.memory", memory)
        .config("spark.sql.shuffle.partitions", partitions)
        .config("spark.default.parallelism", partitions)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        # pandas in and out through Arrow: without it a million records cross row by row.
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.execution.arrow.pyspark.fallback.enabled", "true")
    )
    if tiny:
        builder = (
            builder.config("spark.sql.adaptive.enabled", "false")
            .config("spark.sql.codegen.wholeStage", "false")
            .config("spark.driver.extraJavaOptions", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1")
        )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    # Splink's clustering checkpoints to cut long lineages.
    session.sparkContext.setCheckpointDir(tempfile.mkdtemp(prefix="frontdoor-spark-"))
    return session


def _linker(prepared: pd.DataFrame, settings: Any, backend: Backend, spark_session: Any) -> Any:
    from splink import Linker

    api = db_api(backend, spark_session=spark_session)
    table = api.register(prepared)
    return Linker(table, settings, log_level=None)


def term_frequencies(prepared: pd.DataFrame) -> tuple[dict[str, dict[str, float]], dict]:
    """Splink's term frequencies (share of non-null values) of TF_COLUMNS.

    Values seen once are not stored: their frequency is ``tf_default`` (1 / non-null count),
    which is also what a value never seen in training gets in real time.
    """
    tables: dict[str, dict[str, float]] = {}
    defaults: dict[str, float] = {}
    for column in TF_COLUMNS:
        counts = prepared[column].dropna().value_counts()
        total = int(counts.sum())
        if not total:
            continue
        repeated = counts[counts > 1]
        tables[column] = {str(k): float(v) / total for k, v in repeated.items()}
        defaults[column] = 1.0 / total
    return tables, defaults


def _model_from_linker(linker: Any, prepared: pd.DataFrame, description: str) -> MatchModel:
    saved = linker.misc.save_model_to_json()
    parameters: dict[str, list[tuple[float | None, float | None]]] = {}
    fixed = {c.name: c.fixed_m for c in COMPARISONS}
    for comparison in saved["comparisons"]:
        name = comparison["output_column_name"]
        levels: list[tuple[float | None, float | None]] = []
        for index, level in enumerate(comparison["comparison_levels"]):
            if level.get("is_null_level"):
                levels.append((None, None))
                continue
            m = _finite(level.get("m_probability"))
            u = _finite(level.get("u_probability"))
            levels.append(_smoothed(m, u, fixed=index in fixed[name]))
        parameters[name] = levels
    tf, tf_default = term_frequencies(prepared)
    return MatchModel(
        probability_two_random_records_match=saved["probability_two_random_records_match"],
        parameters=parameters,
        tf=tf,
        tf_default=tf_default,
        trained_at=datetime.now(tz=UTC).isoformat(timespec="seconds"),
        description=description,
        training={"records": len(prepared)},
    )


def _smoothed(m: float | None, u: float | None, *, fixed: bool) -> tuple[float, float]:
    """Floors for m and u (see M_FLOOR); a level seen in neither training step is neutral."""
    if not m and not u:
        return (U_FLOOR, U_FLOOR)
    u = max(u or 0.0, U_FLOOR)
    if fixed:
        return (m or 0.0, u)
    if not m or m < M_FLOOR:
        # Raised by the floor: never let smoothing turn a level into evidence *for* a match.
        m = min(M_FLOOR, u)
    return (m, u)


def _finite(value: Any) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def train(
    data: pd.DataFrame | Iterable[Record],
    *,
    backend: Backend = "duckdb",
    spark_session: Any = None,
    max_pairs_for_u: float = 1e6,
    max_pairs_for_em: float = 2e6,
    seed: int = 42,
    description: str = "",
    progress: Callable[[str], None] | None = None,
) -> tuple[MatchModel, Any]:
    """Train a model on the records: u by random sampling, m by EM, TF on names and postcode.

    Returns the model (parameters per comparison level, as the Python scorer uses them) and
    the Splink linker it was trained with. ``data`` may be the input columns (a DataFrame or
    Records) or the table ``frames.prepare_frame`` made of them, to normalise only once when
    training and linking the same records.
    """
    from splink import block_on

    say = progress or (lambda _message: None)
    say("preparing records")
    prepared = data if _is_prepared(data) else prepare_frame(data)
    linker = _linker(prepared, splink_settings(), backend, spark_session)
    say("estimating how many pairs match")
    linker.training.estimate_probability_two_random_records_match(
        [block_on(*rule) for rule in _DETERMINISTIC], recall=_DETERMINISTIC_RECALL
    )
    say("estimating u by random sampling")
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs_for_u, seed=seed)
    for columns in _EM_PASSES:
        say(f"estimating m by expectation maximisation (blocking on {', '.join(columns)})")
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on(*columns), max_pairs=max_pairs_for_em
        )
    model = _model_from_linker(
        linker,
        prepared,
        description or f"Trained on {len(prepared):,} records ({backend})",
    )
    return model, linker


def cluster_conflicts(
    prepared: pd.DataFrame,
    clusters: pd.DataFrame,
    model: MatchModel,
    *,
    backend: Backend = "duckdb",
    spark_session: Any = None,
) -> list[tuple[str, str]]:
    """Pairs inside a cluster that must not be one person (clusters.conflict_reason).

    A second Splink pass, blocked on the cluster, compares every pair inside each cluster
    of two or more records; the conflict rules read its comparison levels.
    """
    from splink import block_on

    sizes = clusters["cluster_id"].map(clusters["cluster_id"].value_counts())
    in_clusters = clusters.loc[sizes > 1, ["unique_id", "cluster_id"]]
    if in_clusters.empty:
        return []
    subset = prepared.merge(in_clusters.astype({"cluster_id": str}), on="unique_id")
    settings = splink_settings(model, retain_columns=True, term_frequencies=False)
    settings.blocking_rules_to_generate_predictions = [block_on("cluster_id")]
    linker = _linker(subset, settings, backend, spark_session)
    gamma_columns = [f"gamma_{c.name}" for c in COMPARISONS]
    pairs = linker.inference.predict()
    frame = linker.misc.query_sql(
        f"select unique_id_l, unique_id_r, {', '.join(gamma_columns)}"  # noqa: S608  # nosec B608 (Splink's own table names)
        f" from {pairs.physical_name}",
        output_type="pandas",
    )
    weights = {c.name: [p.weight for p in model.levels[c.name]] for c in COMPARISONS}
    conflicts = []
    for row in frame.itertuples(index=False):
        levels = {
            c.name: level_from_gamma(c.name, int(getattr(row, f"gamma_{c.name}")))
            for c in COMPARISONS
        }
        evidence = sum(weights[name][level] for name, level in levels.items())
        if conflict_reason(levels, evidence):
            conflicts.append((str(row.unique_id_l), str(row.unique_id_r)))
    return conflicts


def _is_prepared(data: Any) -> bool:
    return isinstance(data, pd.DataFrame) and "unique_id" in data.columns


def link(
    data: pd.DataFrame | Iterable[Record],
    model: MatchModel,
    *,
    threshold: float = 0.9,
    backend: Backend = "duckdb",
    spark_session: Any = None,
    must_link: Sequence[tuple[str, str]] = (),
    cannot_link: Sequence[tuple[str, str]] = (),
    progress: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """Cluster the records into people.

    Pairs scoring at least ``threshold`` (Splink, with the model's parameters) are linked
    and clusters are their connected components, except that no cluster keeps two records
    that conflict (clusters.conflict_reason: a generation apart, Jr/Sr, possible twins or
    siblings, strong evidence against) or that a practitioner said are different people
    (``cannot_link``); ``must_link`` pairs (a confirmed match) are always joined. Returns
    one row per record: record_id, cluster_id (the least record_id in the cluster),
    match_probability (the strongest link holding the record in its cluster; empty for a
    record alone, 1.0 for a confirmed one).
    """
    say = progress or (lambda _message: None)
    say("preparing records")
    prepared = data if _is_prepared(data) else prepare_frame(data)
    linker = _linker(prepared, splink_settings(model), backend, spark_session)
    say("scoring blocked pairs")
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    edges = linker.misc.query_sql(
        f"select unique_id_l, unique_id_r, match_probability from {predictions.physical_name}",  # noqa: S608  # nosec B608 (Splink's own table names)
        output_type="pandas",
    )
    say("clustering")
    cluster_frame = connected_components(prepared["unique_id"], edges)
    say("checking every pair inside each cluster")
    conflicts = cluster_conflicts(
        prepared, cluster_frame, model, backend=backend, spark_session=spark_session
    )
    result = constrained_clusters(
        cluster_frame, edges, conflicts, must_link=must_link, cannot_link=cannot_link
    )
    return result
