#!/usr/bin/env python3
"""Golden fixtures for the bracket example: what PyTorch computes on the shipped models.

    python3 examples/brackets/make_golden.py          # (re)write Tests/GoldenTests/Fixtures/brackets/
    python3 examples/brackets/make_golden.py --check  # verify the fixtures match a fresh run

Needs torch, safetensors, numpy; CI does not run this, the Swift golden tests read
the files it writes. Weights are not copied: the tests read examples/brackets/*.safetensors.

Cases, each in Fixtures/brackets/<case>/:

    example    model + head, the strings of examples/brackets/strings.txt (what `example brackets` loads)
    changed    the same with one character changed (b=0, t=5 becomes ")"), for `input set`
    mixed      model + head, strings of different lengths padded with zero rows (no packing, as the
               lab runs a padded batch), plus *_packed.npy: the same through pack_padded_sequence
               (per-string lengths), padding positions zero
    second     second_model + second_head (H=6, saved with no metadata), eight unseen test strings

Files: strings.txt (one per line), x.npy [B, T, 4] one-hot over "()ab", y.npy, h_n.npy, c_n.npy,
fwd_/bwd_ gates_pre, gates [T, B, 4H], c, h [T, B, H] in each direction's processing order (example only),
logits.npy [B, T, K] = head(y), logits_ablate_fwd.npy / logits_ablate_bwd.npy = head(y with that half
zeroed). The traces come from the explicit float32 loop of Tests/GoldenTests/make_golden.py, asserted
equal to nn.LSTM.
"""

import argparse
import filecmp
import os
import shutil
import sys
import tempfile

import numpy as np
import torch
from torch import nn
import safetensors.torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "Tests", "GoldenTests"))
import brackets  # noqa: E402
from make_golden import reference_loop, assert_close, save_npy  # noqa: E402

FIXTURES = os.path.join(ROOT, "Tests", "GoldenTests", "Fixtures", "brackets")


def load(prefix):
    sd = safetensors.torch.load_file(os.path.join(HERE, prefix + "model.safetensors"))
    hd = safetensors.torch.load_file(os.path.join(HERE, prefix + "head.safetensors"))
    h = sd["weight_hh_l0"].shape[1]
    lstm = nn.LSTM(sd["weight_ih_l0"].shape[1], h, bidirectional=True, batch_first=True)
    lstm.load_state_dict(sd)
    head = nn.Linear(2 * h, hd["weight"].shape[0])
    head.load_state_dict(hd)
    return lstm, head


def ablated(y, half, h):
    y = y.clone()
    if half == "fwd":
        y[..., :h] = 0
    else:
        y[..., h:] = 0
    return y


def make_case(name, prefix, strings, packed=False, traces_too=False):
    lstm, head = load(prefix)
    h = lstm.hidden_size
    x = torch.tensor(brackets.one_hot(strings), dtype=torch.float32)
    with torch.no_grad():
        y, (h_n, c_n) = lstm(x)
        logits = head(y)
        traces, ry, rh, rc = reference_loop(lstm, x, None, torch.float32)
        for what, a, e in [("y", ry, y), ("h_n", rh, h_n), ("c_n", rc, c_n)]:
            assert_close(f"{name} loop {what} vs nn.LSTM", a, e, atol=1e-5, rtol=1e-5)
        out = {"x": x, "y": y, "h_n": h_n, "c_n": c_n, "logits": logits,
               "logits_ablate_fwd": head(ablated(y, "fwd", h)), "logits_ablate_bwd": head(ablated(y, "bwd", h))}
        for d in ("fwd", "bwd") if traces_too else ():
            for k, v in traces[d].items():
                out[f"{d}_{k}"] = v
        if packed:
            lengths = torch.tensor([len(s) for s in strings])
            seq = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            yp, (hp, cp) = lstm(seq)
            yp, _ = nn.utils.rnn.pad_packed_sequence(yp, batch_first=True, total_length=x.shape[1])
            out.update({"y_packed": yp, "h_n_packed": hp, "c_n_packed": cp, "logits_packed": head(yp)})
    # The task itself: the shipped models tag every test string right.
    pred = logits.argmax(-1)
    wrong = [(b, t) for b, s in enumerate(strings) for t, c in enumerate(brackets.labels(s)) if pred[b, t] != c]
    print(f"{name}: B={x.shape[0]} T={x.shape[1]} H={h}, {len(wrong)} wrong predictions {wrong}")
    return out


def write_all(root):
    if os.path.isdir(root):
        shutil.rmtree(root)
    example = open(os.path.join(HERE, "strings.txt")).read().split()
    changed = list(example)
    changed[0] = changed[0][:5] + ")" + changed[0][6:]
    mixed = ["(a)", "((ab)", "a)(b))(()ab(", "", "(((b", "ab)"]
    mixed = [s for s in mixed if s]  # an empty string is not a sequence
    second = [s for s in brackets.dataset(505, 8, min_len=10, max_len=10)]
    cases = [("example", "", example, False, True), ("changed", "", changed, False, False),
             ("mixed", "", mixed, True, False), ("second", "second_", second, False, False)]
    for name, prefix, strings, packed, traces_too in cases:
        folder = os.path.join(root, name)
        os.makedirs(folder)
        out = make_case(name, prefix, strings, packed, traces_too)
        with open(os.path.join(folder, "strings.txt"), "w") as f:
            f.write("\n".join(strings) + "\n")
        for k, v in out.items():
            save_npy(os.path.join(folder, k + ".npy"), v)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(1)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            write_all(os.path.join(tmp, "brackets"))
            cmp = filecmp.dircmp(os.path.join(tmp, "brackets"), FIXTURES)
            bad = []

            def walk(c, path):
                bad.extend(os.path.join(path, n) for n in c.diff_files + c.left_only + c.right_only)
                for sub, sc in c.subdirs.items():
                    walk(sc, os.path.join(path, sub))
            walk(cmp, "")
            # dircmp compares shallowly; compare every byte.
            for dirpath, _, files in os.walk(os.path.join(tmp, "brackets")):
                for f in files:
                    a = os.path.join(dirpath, f)
                    b = os.path.join(FIXTURES, os.path.relpath(a, os.path.join(tmp, "brackets")))
                    if os.path.exists(b) and open(a, "rb").read() != open(b, "rb").read():
                        bad.append(os.path.relpath(a, os.path.join(tmp, "brackets")))
            if bad:
                print("differ:", sorted(set(bad)))
                sys.exit(1)
            print("fixtures match")
        return
    write_all(FIXTURES)
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(FIXTURES) for f in fs)
    print(f"wrote {FIXTURES}: {total} bytes")


if __name__ == "__main__":
    main()
