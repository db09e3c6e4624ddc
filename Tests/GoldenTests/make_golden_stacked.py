"""Golden fixtures for variable-length (packed) batches and stacked layers.

Imported by make_golden.py, which writes them into Fixtures/stacked/<case>/
with everything else (and checks them with --check); not run on its own.

Each case is nn.LSTM(D, H, num_layers=L, bidirectional=True, batch_first=BF)
run the way a user runs it:

    packed = pack_padded_sequence(x, lengths, batch_first=BF, enforce_sorted=False)
    out, (h_n, c_n) = lstm(packed, (h0, c0))          # or lstm(packed) for zeros
    y, _ = pad_packed_sequence(out, batch_first=BF, total_length=T)

or, for a case without lengths, lstm(x[, (h0, c0)]). Files:

    case.json               {"B", "T", "D", "H", "L", "batch_first", "lengths": [..] or null, "given_state"}
    weights.safetensors     lstm.state_dict() (weight_ih_l0 … bias_hh_l{L-1}_reverse), saved with save_file
    x.npy                   [B, T, D] when batch_first, else [T, B, D]; padded positions hold noise
                            (they must never be read)
    h0.npy, c0.npy          [2L, B, H] in PyTorch's order: l0 fwd, l0 bwd, l1 fwd, … (given_state only)
    y.npy                   torch's padded output, [B, T, 2H] or [T, B, 2H]; 0 at padded positions
    h_n.npy, c_n.npy        [2L, B, H], each sequence's own final states
    l<l>_y.npy              [B, T, 2H] (batch-first whatever BF) layer l's output, 0 at padded positions
    l<l>_<d>_gates_pre.npy  [T, B, 4H] layer l, direction d (fwd/bwd), k-th step of each sequence:
    l<l>_<d>_gates.npy      [T, B, 4H]   forward's k-th step reads t = k, backward's reads t = len_b − 1 − k;
    l<l>_<d>_c.npy          [T, B, H]    rows of a sequence past its length (k ≥ len_b) are 0
    l<l>_<d>_h.npy          [T, B, H]
    head.safetensors, logits.npy
                            (cases with a head) nn.Linear(2H, K)'s state_dict and head(y) [B, T, K]
    naive_y.npy, naive_h_n.npy, naive_c_n.npy
                            (cases with lengths) the same padded input run without packing, as a
                            model that ignores the lengths computes it (the lab's `set packed off`)

The traces come from an explicit float32 loop over sequences of their own length, asserted
equal to torch's packed y/h_n/c_n, and within half the Swift tolerance of the same loop in
float64 (so any correct float32 summation order passes).
"""

import json
import os

import numpy as np
import safetensors.torch
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


class StackedCase:
    def __init__(self, name, b, t, d, h, layers, seed, lengths=None, given_state=False, batch_first=True,
                 head=None):
        self.name, self.b, self.t, self.d, self.h, self.layers = name, b, t, d, h, layers
        self.seed, self.lengths, self.given_state, self.batch_first = seed, lengths, given_state, batch_first
        self.head = head  # K: an nn.Linear(2H, K) on the top layer's y (head.safetensors, logits.npy)


STACKED_CASES = [
    # Unsorted lengths with a length-1 sequence; the longest is not first.
    StackedCase("packed_unsorted", b=4, t=6, d=3, h=4, layers=1, seed=31, lengths=[4, 6, 1, 3]),
    # Every sequence full length: packing must change nothing.
    StackedCase("packed_all_full", b=3, t=5, d=3, h=4, layers=1, seed=32, lengths=[5, 5, 5]),
    # A given (h0, c0) with lengths, time-first layout.
    StackedCase("packed_given_state", b=3, t=5, d=4, h=3, layers=1, seed=33, lengths=[2, 5, 3],
                given_state=True, batch_first=False),
    # Two layers: layer 1 reads layer 0's y, W_ih_l1 is [4H, 2H].
    StackedCase("layers2", b=2, t=4, d=3, h=4, layers=2, seed=34),
    StackedCase("layers2_given_state", b=2, t=4, d=5, h=3, layers=2, seed=35, given_state=True),
    # Three layers, time-first, with and without a given state.
    StackedCase("layers3", b=2, t=5, d=4, h=3, layers=3, seed=36, batch_first=False),
    StackedCase("layers3_given_state", b=3, t=3, d=2, h=3, layers=3, seed=37, given_state=True),
    # Packed and stacked together (the binary interop case: a user's saved model and lengths).
    StackedCase("packed_layers2", b=3, t=5, d=4, h=3, layers=2, seed=38, lengths=[3, 5, 1]),
    StackedCase("packed_layers3_given_state", b=4, t=4, d=3, h=2, layers=3, seed=39, lengths=[2, 4, 4, 1],
                given_state=True, batch_first=False),
    # Two layers, lengths and an output layer: nn.LSTM(num_layers=2) + nn.Linear(2H, K) on the padded y.
    StackedCase("packed_layers2_head", b=3, t=5, d=4, h=3, layers=2, seed=40, lengths=[5, 2, 4], head=3),
]


def build_stacked(case):
    """Model, batch-first input [B, T, D] and the initial state (or None), all float32."""
    torch.manual_seed(case.seed)
    model = nn.LSTM(case.d, case.h, num_layers=case.layers, bidirectional=True, batch_first=case.batch_first)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape) * 0.5)
    x = torch.randn(case.b, case.t, case.d)
    state = None
    if case.given_state:
        h0 = torch.randn(2 * case.layers, case.b, case.h) * 0.8
        c0 = torch.randn(2 * case.layers, case.b, case.h) * 1.5
        state = (h0.contiguous(), c0.contiguous())
    return model, x.contiguous(), state


def torch_outputs(model, x_bf, state, lengths, batch_first):
    """What a user gets from nn.LSTM: y (in the model's layout), h_n, c_n."""
    x = x_bf if batch_first else x_bf.transpose(0, 1).contiguous()
    with torch.no_grad():
        if lengths is None:
            inp = x
        else:
            inp = pack_padded_sequence(x, torch.tensor(lengths), batch_first=batch_first, enforce_sorted=False)
        out, (h_n, c_n) = model(inp) if state is None else model(inp, state)
        if lengths is not None:
            out, _ = pad_packed_sequence(out, batch_first=batch_first, total_length=x_bf.shape[1])
    return out.contiguous(), h_n.contiguous(), c_n.contiguous()


def stacked_loop(model, x_bf, state, lengths, dtype):
    """Every layer, direction and sequence stepped out by hand, in `dtype`.

    Returns (traces, layer_ys, h_n, c_n): traces[(l, d)][name] is [T, B, 4H or H]
    in each sequence's processing order (0 past its length), layer_ys[l] is
    [B, T, 2H] with 0 at padded positions, h_n/c_n are [2L, B, H].
    """
    sd = {k: v.detach().to(dtype) for k, v in model.state_dict().items()}
    b, t_len, _ = x_bf.shape
    hs = model.hidden_size
    lens = lengths if lengths is not None else [t_len] * b
    layer_in = x_bf.to(dtype)
    traces, layer_ys, finals_h, finals_c = {}, [], [], []
    for layer in range(model.num_layers):
        y = torch.zeros(b, t_len, 2 * hs, dtype=dtype)
        for di, (dname, suffix) in enumerate([("fwd", ""), ("bwd", "_reverse")]):
            w_ih, w_hh = sd[f"weight_ih_l{layer}{suffix}"], sd[f"weight_hh_l{layer}{suffix}"]
            b_ih, b_hh = sd[f"bias_ih_l{layer}{suffix}"], sd[f"bias_hh_l{layer}{suffix}"]
            rec = {n: torch.zeros(t_len, b, (4 if n.startswith("gates") else 1) * hs, dtype=dtype)
                   for n in ("gates_pre", "gates", "c", "h")}
            fh, fc = [], []
            for seq in range(b):
                if state is None:
                    h = torch.zeros(hs, dtype=dtype)
                    c = torch.zeros(hs, dtype=dtype)
                else:
                    h = state[0][2 * layer + di, seq].to(dtype)
                    c = state[1][2 * layer + di, seq].to(dtype)
                for k in range(lens[seq]):
                    t = k if dname == "fwd" else lens[seq] - 1 - k
                    z = (torch.nn.functional.linear(layer_in[seq, t], w_ih, b_ih)
                         + torch.nn.functional.linear(h, w_hh, b_hh))
                    i, f, g, o = z.chunk(4)
                    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
                    c = f * c + i * g
                    h = o * torch.tanh(c)
                    rec["gates_pre"][k, seq] = z
                    rec["gates"][k, seq] = torch.cat([i, f, g, o])
                    rec["c"][k, seq] = c
                    rec["h"][k, seq] = h
                    y[seq, t, di * hs:(di + 1) * hs] = h
                fh.append(h)
                fc.append(c)
            traces[(layer, dname)] = rec
            finals_h.append(torch.stack(fh))
            finals_c.append(torch.stack(fc))
        layer_ys.append(y)
        layer_in = y
    return traces, layer_ys, torch.stack(finals_h), torch.stack(finals_c)


def make_stacked_case(case, folder, assert_close, save_npy, atol, rtol):
    model, x, state = build_stacked(case)
    y, h_n, c_n = torch_outputs(model, x, state, case.lengths, case.batch_first)
    traces, ys, rh, rc = stacked_loop(model, x, state, case.lengths, torch.float32)
    y_bf = y if case.batch_first else y.transpose(0, 1)
    for label, a, e in [("y", ys[-1], y_bf), ("h_n", rh, h_n), ("c_n", rc, c_n)]:
        assert_close(f"{case.name} loop {label} vs nn.LSTM", a, e, atol, rtol)
    t64, ys64, h64, c64 = stacked_loop(model, x, state, case.lengths, torch.float64)
    for key, rec in traces.items():
        for n, v in rec.items():
            assert_close(f"{case.name} l{key[0]}_{key[1]}_{n} f32 vs f64", v, t64[key][n], atol / 2, rtol / 2)
    for label, a, e in [("y", y_bf, ys64[-1]), ("h_n", h_n, h64), ("c_n", c_n, c64)]:
        assert_close(f"{case.name} nn.LSTM {label} vs f64", a, e, atol / 2, rtol / 2)
    if case.lengths is not None:
        for seq, n in enumerate(case.lengths):  # padded positions are 0
            if n < case.t and y_bf[seq, n:].abs().max().item() != 0:
                raise AssertionError(f"{case.name}: torch's y is not 0 past length {n} of sequence {seq}")

    os.makedirs(folder)
    meta = {"B": case.b, "T": case.t, "D": case.d, "H": case.h, "L": case.layers, "batch_first": case.batch_first,
            "lengths": case.lengths, "given_state": case.given_state}
    with open(os.path.join(folder, "case.json"), "w") as fh:
        fh.write(json.dumps(meta, sort_keys=True) + "\n")
    safetensors.torch.save_file({k: v.contiguous() for k, v in model.state_dict().items()},
                                os.path.join(folder, "weights.safetensors"))
    save_npy(os.path.join(folder, "x.npy"), x if case.batch_first else x.transpose(0, 1))
    if state is not None:
        save_npy(os.path.join(folder, "h0.npy"), state[0])
        save_npy(os.path.join(folder, "c0.npy"), state[1])
    save_npy(os.path.join(folder, "y.npy"), y)
    save_npy(os.path.join(folder, "h_n.npy"), h_n)
    save_npy(os.path.join(folder, "c_n.npy"), c_n)
    for layer, ly in enumerate(ys):
        save_npy(os.path.join(folder, f"l{layer}_y.npy"), ly)
    for (layer, dname), rec in traces.items():
        for n, v in rec.items():
            save_npy(os.path.join(folder, f"l{layer}_{dname}_{n}.npy"), v)
    if case.head is not None:
        torch.manual_seed(case.seed + 1000)
        head = nn.Linear(2 * case.h, case.head)
        with torch.no_grad():
            logits = head(y_bf)  # [B, T, K]: the bias at padded positions, where y is 0
        safetensors.torch.save_file({k: v.contiguous() for k, v in head.state_dict().items()},
                                    os.path.join(folder, "head.safetensors"))
        save_npy(os.path.join(folder, "logits.npy"), logits.contiguous())
    if case.lengths is not None:
        ny, nh, nc = torch_outputs(model, x, state, None, case.batch_first)
        save_npy(os.path.join(folder, "naive_y.npy"), ny)
        save_npy(os.path.join(folder, "naive_h_n.npy"), nh)
        save_npy(os.path.join(folder, "naive_c_n.npy"), nc)


def write_stacked(root, assert_close, save_npy, atol, rtol):
    """Writes every case into root/<case>/ (root must not exist)."""
    os.makedirs(root)
    for case in STACKED_CASES:
        make_stacked_case(case, os.path.join(root, case.name), assert_close, save_npy, atol, rtol)
        print(f"stacked/{case.name:27s} B={case.b} T={case.t} D={case.d} H={case.h} L={case.layers} "
              f"lengths={case.lengths} batch_first={case.batch_first} given_state={case.given_state}")
