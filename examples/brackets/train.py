#!/usr/bin/env python3
"""Train the bracket tagger that ships with LSTMLab (PyTorch; CI does not run this).

    python3 examples/brackets/train.py            # everything below, about 10 minutes on one thread
    python3 examples/brackets/train.py --only bi  # just the shipped model

Models (each a single-layer nn.LSTM over one-hot ``()ab`` + nn.Linear head):

    bi        bidirectional, H=8, seed 1: the shipped model
              -> model.safetensors (nn.LSTM state_dict names), head.safetensors (weight [3, 16], bias [3])
    second    bidirectional, H=6, seed 7 and another training set (seed 404):
              a second model for the "any trained model loads" test, saved with plain
              safetensors.torch.save_file and no metadata at all
              -> second_model.safetensors, second_head.safetensors
    fwd       forward-only, H=8, seed 1 (same architecture, one direction): for the README table
    fwd16     forward-only, H=16 (as many hidden units as the bidirectional model's y)

The shipped files carry metadata (safetensors ``__metadata__``, strings only):
``alphabet`` "()ab", ``classes`` "matched,unmatched,other" (head), and ``training``,
a JSON object with the seed, steps, sizes and held-out accuracy.

Training data is a fixed set of random strings (lengths 1..24, per-string random
bracket rates); the test set is drawn with another seed, minus any string that is
also in the training set, so every test string is unseen. Strings of one batch are
padded with zero rows at the end and the loss skips the padding, so the model also
tags correctly when the lab pads shorter strings with zero rows. Deterministic:
fixed seeds and one thread.
"""

import argparse
import json
import os
import random
import sys
import time

import torch
from torch import nn
import safetensors.torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import brackets  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TRAIN_SEED, TEST_SEED, LONG_SEED = 101, 202, 303
TRAIN_COUNT, TEST_COUNT = 20000, 4000


class Tagger(nn.Module):
    """nn.LSTM (one layer, batch_first) and a linear head on its output y."""

    def __init__(self, hidden, bidirectional):
        super().__init__()
        d = len(brackets.ALPHABET)
        self.lstm = nn.LSTM(d, hidden, bidirectional=bidirectional, batch_first=True)
        self.head = nn.Linear(hidden * (2 if bidirectional else 1), len(brackets.CLASSES))

    def forward(self, x):
        y, _ = self.lstm(x)
        return self.head(y)


def batch(strings):
    """One-hot input [B, T, D] and labels [B, T] with -100 on the padding."""
    x = torch.tensor(brackets.one_hot(strings), dtype=torch.float32)
    width = x.shape[1]
    y = torch.full((len(strings), width), -100, dtype=torch.long)
    for b, s in enumerate(strings):
        y[b, : len(s)] = torch.tensor(brackets.labels(s))
    return x, y


def accuracy(model, strings, chunk=500):
    """Per-position accuracy on ``(``, on ``)`` and on all characters, each unpadded."""
    hits = {"(": [0, 0], ")": [0, 0], "all": [0, 0]}
    with torch.no_grad():
        for k in range(0, len(strings), chunk):
            part = strings[k : k + chunk]
            x, y = batch(part)
            pred = model(x).argmax(-1)
            for b, s in enumerate(part):
                for t, ch in enumerate(s):
                    ok = int(pred[b, t] == y[b, t])
                    for key in (ch, "all") if ch in "()" else ("all",):
                        hits[key][0] += ok
                        hits[key][1] += 1
    return {k: v[0] / max(v[1], 1) for k, v in hits.items()}


def train(hidden, bidirectional, seed, steps, batch_size=64, lr=0.01, train_seed=TRAIN_SEED, log=True):
    torch.manual_seed(seed)
    rng = random.Random(seed)
    train_set = brackets.dataset(train_seed, TRAIN_COUNT)
    model = Tagger(hidden, bidirectional)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    start = time.time()
    for step in range(1, steps + 1):
        x, y = batch(rng.sample(train_set, batch_size))
        logits = model(x)
        loss = loss_fn(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        if log and (step % 500 == 0 or step == steps):
            print(f"  step {step:5d}  loss {loss.item():.4f}  {time.time() - start:5.1f} s", flush=True)
    return model, train_set, time.time() - start


def evaluate(model, train_set):
    test = brackets.dataset(TEST_SEED, TEST_COUNT, exclude=train_set)
    long = brackets.dataset(LONG_SEED, 1000, min_len=25, max_len=48)
    return {"test": accuracy(model, test), "long": accuracy(model, long)}


def facts(name, hidden, bidirectional, seed, steps, result):
    """The training facts stored in the shipped files' metadata (no timings, so a rerun
    writes the same bytes)."""
    return {
        "model": name,
        "hidden_size": hidden,
        "bidirectional": bidirectional,
        "torch_seed": seed,
        "steps": steps,
        "batch": 64,
        "optimizer": "Adam lr 0.01, cosine to 0, grad-norm clip 1",
        "train_strings": f"{TRAIN_COUNT} random strings over ()ab, lengths 1-24, seed {TRAIN_SEED}",
        "test_strings": f"{TEST_COUNT} unseen strings, lengths 1-24, seed {TEST_SEED}",
        "test_accuracy_open": round(result["test"]["("], 5),
        "test_accuracy_close": round(result["test"][")"], 5),
        "test_accuracy_all": round(result["test"]["all"], 5),
        "long_accuracy_all": round(result["long"]["all"], 5),
        "torch": torch.__version__,
    }


def save(model, prefix, metadata):
    lstm = {k: v.detach().contiguous() for k, v in model.lstm.state_dict().items()}
    head = {k: v.detach().contiguous() for k, v in model.head.state_dict().items()}
    model_meta = head_meta = None
    if metadata is not None:
        training = json.dumps(metadata, sort_keys=True)
        model_meta = {"alphabet": brackets.ALPHABET, "classes": ",".join(brackets.CLASSES), "training": training}
        head_meta = {"classes": ",".join(brackets.CLASSES), "training": training}
    safetensors.torch.save_file(lstm, os.path.join(HERE, prefix + "model.safetensors"), metadata=model_meta)
    safetensors.torch.save_file(head, os.path.join(HERE, prefix + "head.safetensors"), metadata=head_meta)
    for name in ("model", "head"):
        os.chmod(os.path.join(HERE, prefix + name + ".safetensors"), 0o644)


def pct(v):
    return f"{100 * v:.2f} %"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["bi", "second", "fwd", "fwd16"], action="append")
    parser.add_argument("--steps", type=int, default=3000)
    args = parser.parse_args()
    torch.set_num_threads(1)
    runs = [
        ("bi", 8, True, 1, TRAIN_SEED, ""),
        ("second", 6, True, 7, 404, "second_"),
        ("fwd", 8, False, 1, TRAIN_SEED, None),
        ("fwd16", 16, False, 1, TRAIN_SEED, None),
    ]
    rows = []
    for name, hidden, bi, seed, train_seed, prefix in runs:
        if args.only and name not in args.only:
            continue
        print(f"{name}: H={hidden} {'bidirectional' if bi else 'forward only'} seed {seed}", flush=True)
        model, train_set, seconds = train(hidden, bi, seed, args.steps, train_seed=train_seed)
        result = evaluate(model, train_set)
        print(f"  trained in {seconds:.0f} s; test ( {pct(result['test']['('])}  ) {pct(result['test'][')'])}  all {pct(result['test']['all'])}"
              f"  long all {pct(result['long']['all'])}", flush=True)
        if prefix is not None:
            save(model, prefix, facts(name, hidden, bi, seed, args.steps, result) if name == "bi" else None)
        rows.append((name, hidden, bi, result))
    print("\n| model | H | `(` | `)` | all positions | lengths 25-48 |")
    print("|---|---|---|---|---|---|")
    for name, hidden, bi, r in rows:
        kind = "bidirectional" if bi else "forward only"
        print(f"| {name} ({kind}) | {hidden} | {pct(r['test']['('])} | {pct(r['test'][')'])} "
              f"| {pct(r['test']['all'])} | {pct(r['long']['all'])} |")


if __name__ == "__main__":
    main()
