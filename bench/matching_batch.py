"""How long does linking a million records take, and how much memory, beside plain Splink?

End to end (read the CSV, train, predict, cluster, write the clusters) for Front Door's
``train`` + ``link`` and for plain Splink (its getting-started example pipeline, see
bench/matching_common.py, with the surname blocking rule tightened by date of birth so
that it runs at a million records) on the same generated input, each on DuckDB and on
Spark local mode. Every run is a fresh subprocess; its peak memory is the largest resident
set of the processes it waited for (resource.getrusage RUSAGE_CHILDREN, which misses Spark's
JVM) and ``peak_tree_mib``, the largest total resident set of the run and every process it
started (sampled twice a second with psutil: for Spark, the Python driver plus the JVM). The
memory ratio uses ``peak_tree_mib``.

    flock /work/wt/heavy.lock .venv/bin/python bench/matching_batch.py   # 1,000,000 records
    .venv/bin/python bench/matching_batch.py --quick                      # 20,000 records
    .venv/bin/python bench/matching_batch.py --backends duckdb            # skip Spark

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def child(kind: str, backend: str, source: str, output: str) -> None:
    logging.getLogger("splink").setLevel(logging.ERROR)
    started = time.perf_counter()
    raw = pd.read_csv(source, dtype=str, keep_default_na=False)
    spark_session = None
    if backend == "spark":
        from frontdoor.matching.engine.linkage import local_spark_session

        spark_session = local_spark_session(cores=2, memory="12g")
    if kind == "frontdoor":
        from frontdoor.matching.engine import link, train
        from frontdoor.matching.engine.frames import prepare_frame

        prepared = prepare_frame(raw)  # normalised once for both steps, as frontdoor link does
        model, _linker = train(prepared, backend=backend, spark_session=spark_session)
        clusters = link(prepared, model, backend=backend, spark_session=spark_session)
    else:
        from matching_common import plain_splink
        from splink import block_on

        clusters = plain_splink(
            raw,
            backend=backend,
            spark_session=spark_session,
            blocking_rules=[block_on("first_name", "dob"), block_on("surname", "dob")],
        )
    clusters[["record_id", "cluster_id"]].to_csv(output, index=False)
    print(json.dumps({"seconds": time.perf_counter() - started, "records": len(raw)}))


def _sample_tree(pid: int, peak: list[int], done: threading.Event) -> None:
    """The largest total resident set of process ``pid`` and all its descendants."""
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not done.is_set():
        total = 0
        try:
            for process in [root, *root.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    continue
        except psutil.Error:
            return
        peak[0] = max(peak[0], total)
        done.wait(0.5)


def measure(kind: str, backend: str, source: str, workdir: str, timeout: float | None) -> dict:
    output = str(Path(workdir) / f"{kind}-{backend}.csv")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    # Its own process group, so that a timeout also stops the JVM a Spark run starts.
    child_process = subprocess.Popen(  # noqa: S603
        [sys.executable, __file__, "--child", kind, backend, source, output],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    tree_peak = [0]
    done = threading.Event()
    sampler = threading.Thread(
        target=_sample_tree, args=(child_process.pid, tree_peak, done), daemon=True
    )
    sampler.start()
    try:
        stdout, stderr = child_process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(child_process.pid, signal.SIGKILL)
        child_process.communicate()
        return {"error": f"stopped unfinished after {timeout:.0f} s (--timeout)"}
    finally:
        done.set()
        sampler.join()
    completed = subprocess.CompletedProcess(
        child_process.args, child_process.returncode, stdout, stderr
    )
    wall = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if completed.returncode != 0:
        print(completed.stderr[-3000:], file=sys.stderr)
        return {"error": completed.stderr.strip().splitlines()[-1:]}
    inside = json.loads(completed.stdout.strip().splitlines()[-1])
    clusters = pd.read_csv(output, dtype=str)
    return {
        "seconds": round(inside["seconds"], 1),
        "wall_seconds_with_startup": round(wall, 1),
        # ru_maxrss only ever grows: a later, smaller run reports the earlier peak, so the
        # figure is exact only when it rose ("peak_is_exact").
        "peak_mib": round(peak_kib / 1024),
        "peak_is_exact": peak_kib > before,
        # Sampled every half second: the child and everything it started (Spark's JVM).
        "peak_tree_mib": round(tree_peak[0] / 2**20),
        "clusters": int(clusters["cluster_id"].nunique()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="20,000 records")
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--backends", default="duckdb,spark")
    parser.add_argument(
        "--kinds", default="splink,frontdoor", help="which pipelines to run (default: both)"
    )
    parser.add_argument(
        "--timeout", type=float, default=None, help="stop any one pipeline after this many seconds"
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    from frontdoor.matching.engine.generator import generate

    records = 20_000 if args.quick else args.records
    people = records * 10 // 17
    figures: dict = {"quick": args.quick, "target_records": records}
    with tempfile.TemporaryDirectory(prefix="frontdoor-batch-") as workdir:
        source = str(Path(workdir) / "records.csv")
        started = time.perf_counter()
        written = 0
        for index, chunk in enumerate(generate(people, seed=2026)):
            chunk = chunk.drop(columns=["person_id", "household_id", "same_name_relative"])
            chunk.to_csv(source, mode="w" if index == 0 else "a", header=index == 0, index=False)
            written += len(chunk)
        figures["records"] = written
        figures["generate_seconds"] = round(time.perf_counter() - started, 1)
        print(
            f"generated {written:,} records of {people:,} people in {figures['generate_seconds']} s"
        )
        # Largest first, so that each peak_mib is exact (ru_maxrss only grows).
        for backend in args.backends.split(","):
            for kind in args.kinds.split(","):
                result = measure(kind, backend, source, workdir, args.timeout)
                figures[f"{kind}_{backend}"] = result
                print(f"{kind:10s} {backend:7s} {result}", flush=True)
            ours = figures.get(f"frontdoor_{backend}", {})
            theirs = figures.get(f"splink_{backend}", {})
            if "seconds" in ours and "seconds" in theirs:
                figures[f"time_ratio_{backend}"] = round(ours["seconds"] / theirs["seconds"], 2)
                figures[f"memory_ratio_{backend}"] = round(
                    ours["peak_tree_mib"] / theirs["peak_tree_mib"], 2
                )
                print(
                    f"  Front Door / Splink on {backend}: time "
                    f"{figures[f'time_ratio_{backend}']}x, memory "
                    f"{figures[f'memory_ratio_{backend}']}x"
                )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
