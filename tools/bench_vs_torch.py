#!/usr/bin/env python3
"""Time torch.nn.LSTM(bidirectional=True) and `lstmlab bench --json` on the same
shapes, one after the other in one run, and print a table with ratios.

Not run by CI (it needs torch). Usage, from the repository root:

    swift build -c release --product lstmlab
    python3 tools/bench_vs_torch.py                      # the standard shapes
    python3 tools/bench_vs_torch.py --markdown           # a table for README.md
    python3 tools/bench_vs_torch.py --shape 32,100,256,256 --threads 1 --repeat 9
    python3 tools/bench_vs_torch.py --rounds 3 --markdown  # each shape 3 times, taking turns
    python3 tools/bench_vs_torch.py --paired 30 --markdown # 30 cycles of one forward each, side by side

Both sides get the same B, T, D, H, the same number of threads (torch through
torch.set_num_threads, lstmlab through --threads) and the same number of timed
repeats after one warm-up; both report the median. torch runs in
inference_mode (no autograd), batch_first, float32, returning output and (h_n, c_n).
lstmlab's per-mode numbers are a full bidirectional forward keeping h, c and
the output; 'run' is the lab's `run`, which also keeps every step's z and gates.

--paired N compares in the same seconds instead: a torch process and
`lstmlab bench --paced` stay up, and in each of N cycles each times one forward
(torch and lstmlab's per-gate, fused, hoisted and run, in a new random order
every cycle). Each cycle gives its own ratio torch ÷ lstmlab from
forwards a few hundred milliseconds apart, so a slow spell of a shared machine
falls on both sides; the table shows the median ratio over the cycles, the
middle half of the ratios, and how many cycles lstmlab was the faster.
"""
import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time

STANDARD = [
    ((32, 100, 256, 256), 1),
    ((32, 100, 256, 256), 2),
    ((64, 200, 512, 512), 1),
    ((64, 200, 512, 512), 2),
    ((1, 1000, 256, 256), 1),
    ((1, 1000, 256, 256), 2),
]


def time_torch_here(shape, threads, repeat):
    import torch

    b, t, d, h = shape
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    lstm = torch.nn.LSTM(d, h, batch_first=True, bidirectional=True).eval()
    x = torch.rand(b, t, d) * 2 - 1
    times = []
    with torch.inference_mode():
        lstm(x)  # warm-up
        for _ in range(repeat):
            start = time.perf_counter()
            lstm(x)
            times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times), min(times)


def torch_worker(shape, threads):
    """--torch-worker: one timed forward per line on stdin, its milliseconds on stdout."""
    import torch

    b, t, d, h = shape
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    lstm = torch.nn.LSTM(d, h, batch_first=True, bidirectional=True).eval()
    x = torch.rand(b, t, d) * 2 - 1
    with torch.inference_mode():
        lstm(x)  # warm-up
        for _ in sys.stdin:
            start = time.perf_counter()
            lstm(x)
            print((time.perf_counter() - start) * 1e3, flush=True)


PARTS = ["per-gate", "fused", "hoisted", "run"]


def time_paired(binary, shape, threads, cycles):
    """Per cycle: {"torch": ms, "per-gate": ms, ...}, each side timing one forward in turn."""
    text = dict(stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    torch_side = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--torch-worker",
                                   ",".join(map(str, shape)), "--threads", str(threads)], **text)
    lab_side = subprocess.Popen([binary, "bench", "--shape", ",".join(map(str, shape)), "--threads", str(threads),
                                 "--paced"], **text)

    def ask(who):
        side = torch_side if who == "torch" else lab_side
        side.stdin.write(("go" if who == "torch" else who) + "\n")
        side.stdin.flush()
        line = side.stdout.readline()
        if not line:
            sys.exit(f"the {'torch' if who == 'torch' else 'lstmlab'} side stopped (asked for {who})")
        return float(line) if who == "torch" else json.loads(line)["ms"]

    members = ["torch"] + PARTS
    try:
        for who in members:  # warm-up: every part once, untimed
            ask(who)
        out = []
        shuffle = random.Random(1).shuffle
        for _ in range(cycles):
            # A new order every cycle: with a fixed rotation each part would
            # always follow the same other part (and inherit its cache state).
            order = list(members)
            shuffle(order)
            out.append({who: ask(who) for who in order})
        return out
    finally:
        for side in (torch_side, lab_side):
            side.stdin.close()
            side.wait()


def quantile(xs, q):
    s = sorted(xs)
    pos = q * (len(s) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def print_paired(measured, args, load, torch_version):
    header = ["shape", "threads", "cycles", "torch ms", "per-gate ms", "fused ms", "hoisted ms", "run ms",
              "torch ÷ best mode (middle half)", "lstmlab faster", "torch ÷ run (middle half)", "run faster"]
    table = []
    for shape, threads, cycles in measured:
        med = {who: statistics.median(c[who] for c in cycles) for who in ["torch"] + PARTS}
        ratio = {part: [c["torch"] / c[part] for c in cycles] for part in PARTS}
        best = max(["per-gate", "fused", "hoisted"], key=lambda part: statistics.median(ratio[part]))

        def summary(part):
            r = ratio[part]
            return "%.2f× (%.2f–%.2f)" % (statistics.median(r), quantile(r, 0.25), quantile(r, 0.75))

        def wins(part):
            return "%d of %d" % (sum(1 for x in ratio[part] if x > 1), len(ratio[part]))

        ms = lambda x: "%.1f" % x if x >= 1 else "%.3f" % x
        table.append(["B=%d T=%d D=%d H=%d" % shape, str(threads), str(len(cycles)), ms(med["torch"]),
                      ms(med["per-gate"]), ms(med["fused"]), ms(med["hoisted"]), ms(med["run"]),
                      summary(best) + " " + best, wins(best), summary("run"), wins("run")])
    context = (f"{cpu_name()}, {os.cpu_count()} logical CPUs; torch {torch_version}; times are medians over "
               f"{args.paired} cycles, each timing one torch forward and one lstmlab forward per mode in turn "
               f"(in a random order); ratios are per cycle; load average {load:.1f} at the end")
    emit(header, table, context, args.markdown)


def emit(header, table, context, markdown):
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in table:
            print("| " + " | ".join(row) + " |")
        print()
        print(context)
    else:
        widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(header)]
        print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
        for row in table:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
        print(context)


def time_torch(shape, threads, repeat):
    # A fresh process per measurement: changing torch's thread count inside one
    # process left its 2-thread runs 10-30x slower than in a process of their own.
    cmd = [sys.executable, os.path.abspath(__file__), "--torch-only", ",".join(map(str, shape)),
           "--threads", str(threads), "--repeat", str(repeat)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    median, minimum = json.loads(out)
    return median, minimum


def time_lstmlab(binary, shape, threads, repeat):
    cmd = [binary, "bench", "--shape", ",".join(map(str, shape)), "--threads", str(threads),
           "--repeat", str(repeat), "--json"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def lab_gflops(shape, ms):
    b, t, d, h = shape
    return 2 * t * (2 * b * d * 4 * h + 2 * b * h * 4 * h) / (ms * 1e6)


def default_binary():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                              capture_output=True, text=True).stdout.strip()
        return os.path.join(path, "lstmlab")
    except (OSError, subprocess.CalledProcessError):
        return os.path.join(root, ".build", "release", "lstmlab")


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lstmlab", help="the lstmlab binary (default: the release build of this checkout)")
    ap.add_argument("--shape", help="one shape B,T,D,H instead of the standard list")
    ap.add_argument("--threads", default="1,2", help="thread counts for --shape, comma-separated (default 1,2)")
    ap.add_argument("--repeat", type=int, default=5, help="timed repeats per side and mode (default 5)")
    ap.add_argument("--stat", choices=["median", "min", "both"], default="both",
                    help="compare medians, minimums (steadier on a shared, busy machine) or both (default)")
    ap.add_argument("--rounds", type=int, default=1,
                    help="measure each shape this many times, torch and lstmlab taking turns, and combine "
                         "(min of the minimums, median of the medians; the table then shows the range of "
                         "torch ÷ best over the rounds): a slow spell of a shared machine then hits both "
                         "sides instead of one (default 1)")
    ap.add_argument("--paired", type=int, metavar="N",
                    help="instead: N cycles in which torch and each lstmlab mode time one forward in turn, "
                         "both processes staying up; ratios per cycle")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--torch-only", help=argparse.SUPPRESS)
    ap.add_argument("--torch-worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.torch_worker:
        torch_worker(tuple(int(v) for v in args.torch_worker.split(",")), int(args.threads))
        return
    if args.torch_only:
        shape = tuple(int(v) for v in args.torch_only.split(","))
        print(json.dumps(time_torch_here(shape, int(args.threads), args.repeat)))
        return

    binary = args.lstmlab or default_binary()
    if not os.access(binary, os.X_OK):
        sys.exit(f"no lstmlab binary at {binary}: run 'swift build -c release --product lstmlab' first")
    if args.shape:
        shape = tuple(int(v) for v in args.shape.split(","))
        if len(shape) != 4:
            sys.exit("--shape needs B,T,D,H")
        runs = [(shape, int(n)) for n in args.threads.split(",")]
    else:
        runs = STANDARD

    import torch

    if args.paired:
        if args.paired < 1:
            sys.exit("--paired needs at least 1 cycle")
        measured = []
        for shape, threads in runs:
            measured.append((shape, threads, time_paired(binary, shape, threads, args.paired)))
            print(f"  measured B=%d T=%d D=%d H=%d threads={threads} ({args.paired} cycles)" % shape, file=sys.stderr)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print_paired(measured, args, load, torch.__version__)
        return

    measured = []
    kernels = ""
    for shape, threads in runs:
        rounds = []
        for r in range(max(1, args.rounds)):
            torch_times = time_torch(shape, threads, args.repeat)
            lab = time_lstmlab(binary, shape, threads, args.repeat)
            kernels = lab.get("kernels", "")
            rounds.append((torch_times, lab))
            print(f"  measured B=%d T=%d D=%d H=%d threads={threads} (round {r + 1})" % shape, file=sys.stderr)
        measured.append((shape, threads, rounds))

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    for stat in (["median", "min"] if args.stat == "both" else [args.stat]):
        print_table(stat, measured, args, kernels, load, torch.__version__)
        print()


def combine(rounds):
    """One round's numbers from several: min of the minimums, median of the medians."""
    torch_median = statistics.median(t[0] for t, _ in rounds)
    torch_min = min(t[1] for t, _ in rounds)
    labs = [lab for _, lab in rounds]
    results = []
    for mode in [r["mode"] for r in labs[0]["results"]]:
        per = [next(r for r in lab["results"] if r["mode"] == mode) for lab in labs]
        results.append({"mode": mode, "median_ms": statistics.median(r["median_ms"] for r in per),
                        "min_ms": min(r["min_ms"] for r in per),
                        "step_us": statistics.median(r["step_us"] for r in per)})
    runs = [lab["run_ms"] for lab in labs if lab.get("run_ms") is not None]
    return (torch_median, torch_min), {"results": results, "run_ms": statistics.median(runs) if runs else None}


def round_ratios(rounds, stat):
    """torch ÷ lstmlab's best mode, in each round."""
    key = "median_ms" if stat == "median" else "min_ms"
    out = []
    for (torch_median, torch_min), lab in rounds:
        best = min(r[key] for r in lab["results"])
        out.append((torch_median if stat == "median" else torch_min) / best)
    return out


def print_table(stat, measured, args, kernels, load, torch_version):
    rows = []
    for shape, threads, rounds in measured:
        (torch_median, torch_min), lab = combine(rounds)
        ratios = round_ratios(rounds, stat)
        modes = {r["mode"]: r for r in lab["results"]}
        key = "median_ms" if stat == "median" else "min_ms"
        torch_ms = torch_median if stat == "median" else torch_min
        best = min(modes.values(), key=lambda r: r[key])
        run_ms = lab.get("run_ms")
        rows.append({
            "shape": "B=%d T=%d D=%d H=%d" % shape, "threads": threads,
            "torch": torch_ms,
            "per-gate": modes["per-gate"][key], "fused": modes["fused"][key], "hoisted": modes["hoisted"][key],
            "run": run_ms if run_ms is not None else float("nan"),
            "best": best["mode"], "speedup": torch_ms / best[key],
            "ratio_range": "%.2f–%.2f" % (min(ratios), max(ratios)) if len(ratios) > 1 else "",
            "run_speedup": torch_median / run_ms if run_ms else float("nan"),
            "fused_vs_pergate": modes["per-gate"][key] / modes["fused"][key],
            "run_vs_bench": run_ms / modes["hoisted"]["median_ms"] if run_ms else float("nan"),
            "step_fused": modes["fused"]["step_us"], "step_hoisted": modes["hoisted"]["step_us"],
            "gflops": lab_gflops(shape, best[key]),
        })

    several = any(r["ratio_range"] for r in rows)
    header = ["shape", "threads", f"torch ms", f"per-gate ms", f"fused ms", f"hoisted ms", "run ms (median)",
              "torch ÷ best"] + (["torch ÷ best, each round"] if several else []) + ["torch ÷ run (medians)", "per-gate ÷ fused", "run ÷ hoisted (medians)", "GFLOP/s (best)",
              "one step µs fused / hoisted"]
    table = [[r["shape"], str(r["threads"]), "%.1f" % r["torch"], "%.1f" % r["per-gate"], "%.1f" % r["fused"],
              "%.1f" % r["hoisted"], "%.1f" % r["run"], "%.2f× (%s)" % (r["speedup"], r["best"])]
             + ([r["ratio_range"]] if several else []) + ["%.2f×" % r["run_speedup"], "%.2f×" % r["fused_vs_pergate"], "%.2f" % r["run_vs_bench"],
              "%.1f" % r["gflops"], "%.1f / %.1f" % (r["step_fused"], r["step_hoisted"])] for r in rows]
    over = (f"the {stat} of {args.repeat} timed runs after a warm-up" if args.rounds <= 1 else
            f"the {'median of the medians' if stat == 'median' else 'min of the minimums'} over {args.rounds} rounds "
            f"of {args.repeat} timed runs after a warm-up, torch and lstmlab taking turns")
    context = (f"{cpu_name()}, {os.cpu_count()} logical CPUs; torch {torch_version}; "
               f"lstmlab kernels: {kernels}; times are {over} "
               f"(run ms: median); load average {load:.1f} at the end")
    emit(header, table, context, args.markdown)

if __name__ == "__main__":
    main()
