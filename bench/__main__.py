"""`python -m bench [--quick] [--only SECTIONS]`: run the benchmark and print its table.

Sections: seeds, dumps, html (clean() alone, in this process), rules (the costliest
rule patterns on text dumps), cli (start-up of
`newsclean clean FILE`), startup (`newsclean run` on one document: the embedded Prefect
server warm, cold, and Prefect's own temporary server), flow (the Prefect flow, the plain
loop and datatrove, each run in a child process), batch (the flow at several batch sizes)
and pool (deploy/prefect.yaml's runs taken by 1 and 2 workers of pool `newsroom`): these
two are not in the default set.
"""

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime

from bench import flow, pool, pure, startup
from bench.report import Row, render, save

ALL = ("seeds", "dumps", "html", "rules", "cli", "startup", "flow")
# Full run: enough documents that one run of each pipeline takes seconds (timer and
# warm-up noise below 1%), and the flow's 2,000 documents of the overhead target.
FULL = dict(seeds=3000, dumps=905, html=1810, flow=2000, rounds=5, flow_rounds=3, cli=10,
            startup=5)
QUICK = dict(seeds=300, dumps=40, html=40, flow=40, rounds=2, flow_rounds=1, cli=3,
             startup=2)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="small workloads, fewer rounds: a smoke run")
    p.add_argument("--only", default=",".join(ALL),
                   help=f"comma-separated sections (default {','.join(ALL)}; also: batch, pool)")
    p.add_argument("--rounds", type=int, help="rounds of the in-process sections")
    p.add_argument("--flow-rounds", type=int, help="rounds of the flow section")
    p.add_argument("--seeds-docs", type=int, help="seed-sized text documents")
    p.add_argument("--dumps-docs", type=int, help="whole-page text dumps")
    p.add_argument("--html-docs", type=int, help="HTML pages for clean() vs trafilatura")
    p.add_argument("--flow-docs", type=int, help="HTML pages through the flow")
    p.add_argument("--workers", type=int, default=2, help="processes of the parallel rows (default 2)")
    p.add_argument("--batch-size", type=int, default=200, help="flow batch size (default 200)")
    p.add_argument("--batch-sizes", default="25,50,100,200,400",
                   help="batch sizes of the batch section (default 25,50,100,200,400)")
    p.add_argument("--pool-runs", type=int, default=4,
                   help="flow runs queued on the work pool by the pool section, each a "
                        "share of --flow-docs (default 4)")
    p.add_argument("--s3", choices=("moto", "radosgw", "none"), default="moto",
                   help="the S3 server of the flow rows (default moto; radosgw: Ceph, when "
                        "installed; none: folder rows only)")
    p.add_argument("--json", metavar="PATH", help="also write the rows as JSON")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    size = dict(QUICK if args.quick else FULL)
    for key in ("rounds", "flow_rounds"):
        if getattr(args, key):
            size[key] = getattr(args, key)
    for key in ("seeds", "dumps", "html", "flow"):
        if getattr(args, f"{key}_docs"):
            size[key] = getattr(args, f"{key}_docs")
    sections = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(sections) - {*ALL, "batch", "pool"}
    if unknown:
        print(f"unknown sections: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    rounds = size["rounds"]
    started = time.perf_counter()
    rows = []
    for section in sections:
        print(f"[bench] {section} …", file=sys.stderr, flush=True)
        try:
            rows += _section(section, size, args)
        except Exception as exc:  # noqa: BLE001 - one failed section must not lose the others
            print(f"[bench] {section} failed: {exc}", file=sys.stderr, flush=True)
            rows.append(Row.skipped(section, section, f"failed: {exc}"))
    print(render(rows))
    meta = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "quick": args.quick,
            "python": platform.python_version(), "cpus": os.cpu_count(),
            "load_average": os.getloadavg(), "seconds": round(time.perf_counter() - started, 1),
            "sizes": size}
    in_process = [s for s in sections if s in ("seeds", "dumps", "html")]
    flows = [s for s in sections if s in ("flow", "batch", "pool")]
    medians = ", ".join(([f"{rounds} rounds in process"] if in_process else [])
                        + ([f"{size['flow_rounds']} of the flow"] if flows else []))
    print(f"\n{meta['cpus']} CPUs, load average at the end {meta['load_average'][0]:.1f}; "
          f"{meta['seconds']:.0f} s." + (f" Medians of {medians}; ratios paired round by round."
                                         if medians else ""))
    if args.json:
        save(rows, args.json, meta)
    return 0


def _section(section: str, size: dict, args) -> list[Row]:
    rounds = size["rounds"]
    if section == "seeds":
        return pure.seeds_section(size["seeds"], rounds)
    if section == "dumps":
        return pure.dumps_section(size["dumps"], rounds)
    if section == "html":
        return pure.html_section(size["html"], rounds)
    if section == "rules":
        return pure.rules_section()
    if section == "cli":
        return pure.cli_section(size["cli"])
    if section == "startup":
        return startup.startup_section(size["startup"])
    if section == "flow":
        return flow.flow_section(size["flow"], size["flow_rounds"], args.workers,
                                 args.batch_size, s3_server=args.s3)
    if section == "batch":
        sizes = [int(b) for b in args.batch_sizes.split(",")]
        return flow.flow_section(size["flow"], size["flow_rounds"], args.workers,
                                 batch_sizes=sizes, s3_server=args.s3)
    if section == "pool":
        return pool.pool_section(size["flow"], size["flow_rounds"], parts=args.pool_runs,
                                 max_workers=args.workers)
    return []


if __name__ == "__main__":
    sys.exit(main())
