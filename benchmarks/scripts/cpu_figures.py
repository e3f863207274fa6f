#!/usr/bin/env python3
"""Per-core figures from CpuTimeBenchmark JSON results (java -jar benchmarks.jar CpuTime -rf json -rff F).

For every measured iteration: work / CPU seconds of each part (work = calls x 100,000 samples for
`detection`, calls x blob bytes for `blobParse`); prints the medians over all iterations of all
given files, the per-fork medians of the candidate and the candidate's speed ratio to each baseline.
"""
import json
import statistics as st
import sys

SAMPLES = 100_000


def main(files):
    per_benchmark = {}
    for f in files:
        for b in json.load(open(f)):
            name = b["benchmark"].split(".")[-1]
            m = b["secondaryMetrics"]
            for fork in range(len(m["calls"]["rawData"])):
                rows = zip(*(m[k]["rawData"][fork] for k in
                             ("calls", "candidateNs", "seedOrJacksonNs", "floorNs", "blobBytes")))
                per_benchmark.setdefault(name, []).append(list(rows))
    for name, forks in per_benchmark.items():
        rates = {"candidate": [], "baseline": [], "floor": []}
        fork_medians = []
        for fork in forks:
            cand = []
            for calls, c, s, fl, blob_bytes in fork:
                unit = SAMPLES if name == "detection" else blob_bytes
                work = calls * unit
                cand.append(work / (c / 1e9))
                rates["candidate"].append(work / (c / 1e9))
                rates["baseline"].append(work / (s / 1e9))
                rates["floor"].append(work / (fl / 1e9))
            fork_medians.append(round(st.median(cand) / 1e6, 1))
        unit = "M samples per CPU-second" if name == "detection" else "MB per CPU-second"
        c, s, fl = (st.median(rates[k]) for k in ("candidate", "baseline", "floor"))
        print(f"{name}: {len(rates['candidate'])} iterations, {len(forks)} forks ({unit})")
        print(f"  candidate {c / 1e6:.1f} (fork medians {fork_medians})")
        print(f"  baseline (seed rule / Jackson reader) {s / 1e6:.1f}; floor (array sum / tokenize) {fl / 1e6:.1f}")
        print(f"  candidate / baseline {c / s:.2f}x; candidate / floor {c / fl:.2f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
