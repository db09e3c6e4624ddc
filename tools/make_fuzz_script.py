#!/usr/bin/env python3
"""Writes a script of hostile lab command lines for `lstmlab --keep-going FILE`.

    python3 tools/make_fuzz_script.py --lines 20000 --seed 1 --scratch /tmp/lab-fuzz > fuzz.lab
    lstmlab --keep-going --memory-limit 1 fuzz.lab > /dev/null 2> errors.txt; echo $?

Every command of the lab with negative, huge, overflowing, nan/inf, empty, quoted and
unterminated, control-character, CJK and over-long arguments, missing files and
malformed files (written into --scratch). `save` and `export` only ever write into
--scratch or to paths that cannot be written. The run must end normally (exit 1:
some commands failed, as most of these should) and not trap.
"""
import argparse
import os
import random
import struct

COMMANDS = ["sizes", "init", "input", "load", "save", "export", "step", "back", "goto", "run",
            "reset", "show", "heatmap", "spark", "diagram", "watch", "unwatch", "info", "set",
            "bench", "lesson", "next", "hint", "skip", "solution", "answer", "help", "?", "quit",
            "exit", "Step", "stepp", "中文", ""]
VIEWS = ["x", "gates_pre", "gates", "c", "h", "h_f", "h_b_rev", "h_b", "y", "h_n", "c_n", "h0", "c0",
         "W_ih_f", "W_hh_f", "b_ih_f", "b_hh_f", "W_ih_b", "W_hh_b", "b_ih_b", "b_hh_b"]
KEYWORDS = ["fwd", "bwd", "both", "start", "end", "seed", "repeat", "on", "off", "weights", "input",
            "h0", "c0", "tutorial", "pytorch", "zeros", "random", "ones", "batch_first", "mode", "variant",
            "precision", "threads", "fused", "per-gate", "hoisted", "correct", "draft", "list", "play",
            "resume", "reset", "check"]
NUMBERS = ["-1", "0", "1", "2", "3", "5", "16", "-0", "+1", "007", "1e3", "0x10", "1.5", "4096", "16777216",
           "16777217", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
           "18446744073709551616", "99999999999999999999999999", "nan", "NaN", "inf", "-inf", "1e309", "٣", "１"]
WORDS = ["", '""', "''", '"unterminated', "'open", "#c", ";", "=", "\t", "\x00", "\x07", "\x1b[31m", "\x7f",
         "\u0085", "\u2028", "\u200b", "\ufeff", "中文", "隐藏状态", "é", "e\u0301", "🙂", "👨‍👩‍👧", "\u202egnp",
         "%s%n", "\\", "$(ls)", "t=", "b=", "u=", "B=", "T=", "t==1", "1,2,3,4", ",,,"]
DRIVING = ["step", "step fwd", "step bwd 2", "run", "reset", "back", "goto end", "goto t=1 fwd",
           "sizes B=2 T=3 D=2 H=3", "sizes B=1 T=1 D=1 H=1", "sizes B=3 T=5 D=8 H=16", "init pytorch",
           "input ones", "set batch_first off", "set batch_first on", "set mode per-gate", "set mode hoisted",
           "set variant draft", "set variant correct", "set precision 0", "set precision 4", "watch h fwd",
           "unwatch", "show y", "show h_n", "heatmap y b=0", "spark h_f u=0", "diagram", "info",
           "lesson list", "lesson play 1", "lesson play 9", "next", "hint", "skip", "solution", "answer 64", "quit"]
SIZES = ["1", "2", "3", "8", "16", "100", "1000", "4096", "65536", "16777216", "16777217", "0", "-1"]


def npy(shape, values):
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }" % (
        "".join(f"{d}, " for d in shape) if len(shape) == 1 else ", ".join(map(str, shape)))
    pad = (64 - (10 + len(header) + 1) % 64) % 64
    header += " " * pad + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + struct.pack(f"<{len(values)}f", *values)


def fixtures(scratch):
    os.makedirs(scratch, exist_ok=True)
    x = npy([3, 5, 8], [i / 100 for i in range(120)])
    files = {
        "x.npy": x,
        "h0.npy": npy([2, 3, 16], [0.5] * 96),
        "nan.npy": npy([1, 1, 1], [float("nan")]),
        "empty.npy": b"",
        "truncated.npy": x[:40],
        "short.npy": x[:-7],
        "absurd.npy": b"\x93NUMPY\x01\x00F\x00{'descr': '<f4', 'fortran_order': False, 'shape': (100000000, 100000000, 8), }\n",
        "text.npy": b"hello, not numpy\n",
        "bad.safetensors": struct.pack("<Q", 10**12) + b"{}",
        "lesson.md": "---\nid: 1\n---\n# x\n\n```lab\nstep\n```\n\n? q\nanswer: 3\n".encode(),
    }
    for name, data in files.items():
        with open(os.path.join(scratch, name), "wb") as f:
            f.write(data)
    reads = [os.path.join(scratch, n) for n in files] + [
        os.path.join(scratch, "missing.npy"), scratch, "/nonexistent/x.npy", "/dev/null", "/dev/zero",
        "/etc/hostname", os.path.join(scratch, "x.npy", "child"), '""']
    writes = [os.path.join(scratch, "out"), os.path.join(scratch, "w.safetensors"),
              os.path.join(scratch, "sub", "w.safetensors"), "/proc/version/out", "/dev/null/x", scratch + "/"]
    return reads, writes


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scratch", required=True, help="folder for fixtures; the only place the script writes")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    reads, writes = fixtures(os.path.abspath(args.scratch))

    def number():
        return str(rng.randrange(8)) if rng.random() < 0.4 else rng.choice(NUMBERS)

    def junk(n):
        alphabet = "abcdefghijklmnopqrstuvwxyz_=,.-+0123456789\"'#; \\中文字符隐藏状态🙂é\u200b\u202e\x01\x1f"
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(n + 1)))

    def hostile():
        r = rng.random()
        if r < 0.35:
            return number()
        if r < 0.65:
            return rng.choice(WORDS)
        if r < 0.85:
            return rng.choice(["t=", "b=", "u=", "B=", "T=", "D=", "H="]) + number()
        return junk(5000 if rng.random() < 0.03 else 12)

    def line():
        r = rng.random()
        if r < 0.12:
            return rng.choice(DRIVING)
        if r < 0.17:
            return junk(80)
        if r < 0.32:
            keys = [k + "=" + rng.choice(SIZES) for k in "BTDH" if rng.random() < 0.6]
            return " ".join(["sizes"] + keys)
        if r < 0.45:
            parts = [rng.choice(["show", "heatmap", "spark", "watch"]), rng.choice(VIEWS)]
            if rng.random() < 0.4:
                parts.append(rng.choice(["fwd", "bwd"]))
            parts += [k + "=" + rng.choice(SIZES + NUMBERS) for k in "tbu" if rng.random() < 0.35]
            return " ".join(parts)
        if r < 0.52:
            return " ".join(["load", rng.choice(["input", "weights", "h0", "c0"]), rng.choice(reads)])
        if r < 0.55:
            return rng.choice([f"save weights {rng.choice(writes)}", f"export {rng.choice(writes)}",
                               f"lesson check {rng.choice(reads)}"])
        if r < 0.57:
            return "show " + "x" * (4090 + rng.randrange(10))
        name = rng.choice(COMMANDS)
        if name in ("save", "export"):
            name = "info"
        args_ = [rng.choice(KEYWORDS) if rng.random() < 0.4 else hostile() for _ in range(rng.randrange(5))]
        return rng.choice([" ", " ", "\t"]).join([name] + args_)

    out = []
    for _ in range(args.lines):
        text = line().replace("\n", " ").replace("\r", " ")
        if text.startswith(("quit", "exit")) and not text.strip() in ("quit",):
            text = "# " + text
        out.append(text)
    # `quit` outside a lesson ends the script: keep it only after a lesson word.
    out = [l if l.strip() != "quit" else "lesson list" for l in out]
    print("\n".join(out))


if __name__ == "__main__":
    main()
