#!/usr/bin/env python3
"""Golden fixtures for LSTMLab, made by PyTorch's own nn.LSTM.

Run from anywhere (needs torch, safetensors, numpy; CI does not run this):

    python3 Tests/GoldenTests/make_golden.py            # (re)write Fixtures/
    python3 Tests/GoldenTests/make_golden.py --check    # verify Fixtures/ match a fresh run
    python3 Tests/GoldenTests/make_golden.py --binary PATH/lstmlab
        # the real binary: weights saved by `lstmlab -c "...; save weights P"`
        # (both fixture weights and ones the lab drew with `init tutorial|pytorch`)
        # load into nn.LSTM (load_state_dict, strict) and reproduce the outputs
        # the lab exported

For each case, in Fixtures/<case>/:

    weights.safetensors   model.state_dict() of nn.LSTM(D, H, bidirectional=True, batch_first=True)
    x.npy                 [B, T, D] float32
    h0.npy, c0.npy        [2, B, H] (only for cases with a given initial state)
    y.npy                 [B, T, 2H]  from nn.LSTM itself
    h_n.npy, c_n.npy      [2, B, H]   from nn.LSTM itself
    fwd_gates_pre.npy     [T, B, 4H]  z = x_t W_ihᵀ + b_ih + h W_hhᵀ + b_hh, k-th step of the direction
    fwd_gates.npy         [T, B, 4H]  σ(i), σ(f), tanh(g), σ(o)
    fwd_c.npy, fwd_h.npy  [T, B, H]   state after the k-th step
    bwd_…                 the same for the backward direction (k-th step reads t = T-1-k)

Fixtures/draft/: the tutorial's first draft (its `class LSTM` step), run for real on
the demo case's weights and input: chunk order f, i, o, g and the activation line
`f, i, o, g = σ(f), σ(i), tanh(g), σ(o)` kept as written; only its shape errors are
repaired (weights [4H, D] and [4H, H] as nn.LSTM stores them, a [B, H] state per
direction), and the one-direction cell is run both ways as the lab's bidirectional
stepper runs it. Same files as a case; `gates` holds torch.cat([i, f, g, o]) of the
draft's own variables, so `set variant draft` must produce them slot for slot.

Fixtures/orthogonal/seed<S>_<R>x<C>.npy: nn.init.orthogonal_'s algorithm
(QR of a Gaussian, sign-fixed by diag R) applied to the Gaussian that the
lab's SeededGenerator draws for that seed (ported below), so the Swift tests
can check Initializer.orthogonal against PyTorch's formula on the same draws.

Fixtures/stacked/<case>/: variable-length (packed) batches and stacked layers,
num_layers 2 and 3, batch_first on and off, with every per-layer, per-direction
trace; written by make_golden_stacked.py (its docstring lists the files).

Fixtures/generated/<case>/: larger models (the sizes where the engine switches
to OpenBLAS sgemm/sgemv and packed kernels) stored without their weights: the
weights and input are dyadic values drawn from the lab's SeededGenerator by a
rule both sides implement (`generated_model`), so only case.json and torch's
y/h_n/c_n are committed.

The traces come from an explicit float32 loop (below) that is asserted equal to
nn.LSTM's y/h_n/c_n. Each case is also run in float64, and the float32 traces
must sit within half the Swift tests' tolerance (1e-5 + 1e-5·|ref|) of it, so
any correct float32 implementation, whatever its summation order, passes.
Deterministic: fixed seeds, one thread; rerunning rewrites identical bytes.
"""

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import torch
import safetensors.torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden_stacked import write_stacked  # noqa: E402  (beside this file)

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "Fixtures")
ATOL = 1e-5
RTOL = 1e-5


class Case:
    def __init__(self, name, b, t, d, h, seed, init="random", weight_scale=1.0,
                 input_scale=1.0, given_state=False, min_max_z=None):
        self.name, self.b, self.t, self.d, self.h = name, b, t, d, h
        self.seed, self.init = seed, init
        self.weight_scale, self.input_scale = weight_scale, input_scale
        self.given_state, self.min_max_z = given_state, min_max_z


CASES = [
    # The tutorial's demo sizes.
    Case("demo", b=3, t=5, d=8, h=16, seed=1),
    # The smallest sequence: one step each way, one batch row.
    Case("single_step", b=1, t=1, d=4, h=6, seed=2),
    # A given (h0, c0) instead of zeros.
    Case("given_state", b=2, t=4, d=3, h=5, seed=3, given_state=True),
    # Odd sizes, D ≠ H, H < D.
    Case("odd_sizes", b=2, t=7, d=5, h=3, seed=4),
    # Saturating: |z| > 100 somewhere, gates pinned at 0/1 and ±1.
    Case("saturating", b=2, t=6, d=4, h=5, seed=5, weight_scale=12.0, input_scale=6.0,
         given_state=True, min_max_z=100.0),
    # nn.LSTM's own default initialisation (uniform in ±1/√H).
    Case("default_init", b=2, t=6, d=4, h=7, seed=6, init="default"),
]

PARAM_NAMES = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"]


ORTHOGONAL = [(0, 12, 3), (1, 64, 16), (2, 3, 7), (3, 5, 5)]  # (seed, rows, cols)

_M64 = (1 << 64) - 1


class SeededGenerator:
    """Sources/LSTMCore/SeededGenerator.swift, transcribed: xoshiro256** seeded by SplitMix64."""

    def __init__(self, seed):
        sm = seed
        s = []
        for _ in range(4):
            sm = (sm + 0x9E3779B97F4A7C15) & _M64
            z = sm
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _M64
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _M64
            s.append(z ^ (z >> 31))
        self.s = s

    def next(self):
        s = self.s
        rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & _M64
        result = (rotl((s[1] * 5) & _M64, 7) * 9) & _M64
        t = (s[1] << 17) & _M64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def normal(self):
        u1 = ((self.next() >> 11) + 1) * 2.0 ** -53
        u2 = (self.next() >> 11) * 2.0 ** -53
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


def orthogonal_like_torch(seed, rows, cols):
    """torch.nn.init.orthogonal_'s body, with its normal_ draw replaced by the lab's."""
    g = SeededGenerator(seed)
    flattened = torch.tensor([g.normal() for _ in range(rows * cols)], dtype=torch.float64).reshape(rows, cols)
    if rows < cols:
        flattened.t_()
    q, r = torch.linalg.qr(flattened)
    q *= torch.diag(r, 0).sign()
    if rows < cols:
        q.t_()
    return q.to(torch.float32).contiguous()


# (name, seed, B, T, D, H): products above GEMM.smallLimit (16384 multiply-adds).
GENERATED = [
    ("wide", 21, 6, 5, 64, 64),    # every product is an sgemm (per-gate too)
    ("one_row", 22, 1, 3, 100, 72),  # B = 1: the fused products become sgemv
]


def generated_model(seed, b, t, d, h):
    """Weights and input from SeededGenerator(seed), each value exact in float32:

        v(scale) = ((next() >> 56) - 128) / 256 · scale       (a multiple of scale/256 in [-scale/2, scale/2))
        order: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 (row-major), then the
               same for _reverse, all with scale 1/4; then x [B, T, D] with scale 2.
    Tests/GoldenTests/GeneratedGoldenTests.swift implements the same rule.
    """
    g = SeededGenerator(seed)

    def draw(shape, scale):
        n = math.prod(shape)
        return torch.tensor([((g.next() >> 56) - 128) / 256 * scale for _ in range(n)],
                            dtype=torch.float32).reshape(shape)

    model = nn.LSTM(d, h, bidirectional=True, batch_first=True)
    state = {}
    for suffix in ("", "_reverse"):
        state["weight_ih_l0" + suffix] = draw((4 * h, d), 0.25)
        state["weight_hh_l0" + suffix] = draw((4 * h, h), 0.25)
        state["bias_ih_l0" + suffix] = draw((4 * h,), 0.25)
        state["bias_hh_l0" + suffix] = draw((4 * h,), 0.25)
    model.load_state_dict(state, strict=True)
    x = draw((b, t, d), 2.0)
    return model, x


def make_generated(name, seed, b, t, d, h, folder):
    model, x = generated_model(seed, b, t, d, h)
    y, h_n, c_n = run_torch(model, x, None)
    _, y64, h64, c64 = reference_loop(model, x, None, torch.float64)
    for label, a, e in [("y", y, y64), ("h_n", h_n, h64), ("c_n", c_n, c64)]:
        assert_close(f"generated {name} nn.LSTM {label} vs f64", a, e, ATOL / 2, RTOL / 2)
    os.makedirs(folder)
    with open(os.path.join(folder, "case.json"), "w") as fh:
        fh.write(f'{{"seed": {seed}, "B": {b}, "T": {t}, "D": {d}, "H": {h}}}\n')
    save_npy(os.path.join(folder, "y.npy"), y)
    save_npy(os.path.join(folder, "h_n.npy"), h_n)
    save_npy(os.path.join(folder, "c_n.npy"), c_n)


def build(case):
    """The model, input and initial state of a case (float32)."""
    torch.manual_seed(case.seed)
    model = nn.LSTM(case.d, case.h, bidirectional=True, batch_first=True)
    if case.init == "random":
        with torch.no_grad():
            for p in model.parameters():
                p.copy_(torch.randn(p.shape) * 0.5 * case.weight_scale)
    elif case.init == "default":
        pass
    else:
        raise ValueError(case.init)
    x = torch.randn(case.b, case.t, case.d) * case.input_scale
    state = None
    if case.given_state:
        h0 = torch.randn(2, case.b, case.h) * 0.8
        c0 = torch.randn(2, case.b, case.h) * 1.5
        state = (h0.contiguous(), c0.contiguous())
    return model, x.contiguous(), state


def reference_loop(model, x, state, dtype):
    """The tutorial's BiLSTM written out step by step, in `dtype`.

    Returns {"fwd": {...}, "bwd": {...}} with traces in processing order,
    and y [B,T,2H], h_n, c_n [2,B,H].
    """
    sd = {k: v.detach().to(dtype) for k, v in model.state_dict().items()}
    x = x.to(dtype)
    b, t_len, _ = x.shape
    h_size = model.hidden_size
    xs = x.transpose(0, 1)  # [T, B, D]
    out = {}
    finals_h, finals_c = [], []
    per_time = {}
    for di, (name, suffix) in enumerate([("fwd", ""), ("bwd", "_reverse")]):
        w_ih, w_hh = sd["weight_ih_l0" + suffix], sd["weight_hh_l0" + suffix]
        b_ih, b_hh = sd["bias_ih_l0" + suffix], sd["bias_hh_l0" + suffix]
        if state is None:
            h = torch.zeros(b, h_size, dtype=dtype)
            c = torch.zeros(b, h_size, dtype=dtype)
        else:
            h, c = state[0][di].to(dtype), state[1][di].to(dtype)
        pre, gates, cs, hs = [], [], [], []
        hs_time = [None] * t_len
        for k in range(t_len):
            t = k if name == "fwd" else t_len - 1 - k
            z = torch.nn.functional.linear(xs[t], w_ih, b_ih) + torch.nn.functional.linear(h, w_hh, b_hh)
            i, f, g, o = z.chunk(4, dim=1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            c = f * c + i * g
            h = o * torch.tanh(c)
            pre.append(z)
            gates.append(torch.cat([i, f, g, o], dim=1))
            cs.append(c)
            hs.append(h)
            hs_time[t] = h
        out[name] = {
            "gates_pre": torch.stack(pre), "gates": torch.stack(gates),
            "c": torch.stack(cs), "h": torch.stack(hs),
        }
        per_time[name] = torch.stack(hs_time)  # [T, B, H] in time order
        finals_h.append(h)
        finals_c.append(c)
    y = torch.cat([per_time["fwd"], per_time["bwd"]], dim=2).transpose(0, 1)
    return out, y.contiguous(), torch.stack(finals_h), torch.stack(finals_c)


def draft_loop(model, x):
    """The tutorial's first draft, as written, on nn.LSTM's weights (float32).

    Repaired only where it cannot run: W_ih/W_hh take nn.LSTM's [4H, D]/[4H, H]
    shapes (the draft declares [4H, B]), and each direction keeps a [B, H] state
    (the draft makes [2, B, H] and uses it as [B, H]). The cell body is the
    draft's, shadowed loop index included.
    """
    sd = {k: v.detach() for k, v in model.state_dict().items()}
    b, t_len, _ = x.shape
    h_size = model.hidden_size
    out, per_time, finals_h, finals_c = {}, {}, [], []
    for name, suffix in [("fwd", ""), ("bwd", "_reverse")]:
        Wih, Whh = sd["weight_ih_l0" + suffix], sd["weight_hh_l0" + suffix]
        bih, bhh = sd["bias_ih_l0" + suffix], sd["bias_hh_l0" + suffix]
        h_prev = torch.zeros(b, h_size)
        c_prev = torch.zeros(b, h_size)
        pre, gates, cs, hs = [], [], [], []
        hs_time = [None] * t_len
        order = range(t_len) if name == "fwd" else range(t_len - 1, -1, -1)
        for i in order:
            t = i
            x_t = x[:, i, :]
            z = torch.nn.functional.linear(x_t, Wih, bih) + torch.nn.functional.linear(h_prev, Whh, bhh)
            # The draft's two lines, unchanged:
            f, i, o, g = z.chunk(4, 1)
            f, i, o, g = torch.sigmoid(f), torch.sigmoid(i), torch.tanh(g), torch.sigmoid(o)
            c = f * c_prev + i * g
            h = o * torch.tanh(c)
            h_prev, c_prev = h, c
            pre.append(z)
            gates.append(torch.cat([i, f, g, o], dim=1))
            cs.append(c)
            hs.append(h)
            hs_time[t] = h
        out[name] = {"gates_pre": torch.stack(pre), "gates": torch.stack(gates),
                     "c": torch.stack(cs), "h": torch.stack(hs)}
        per_time[name] = torch.stack(hs_time)
        finals_h.append(h_prev)
        finals_c.append(c_prev)
    y = torch.cat([per_time["fwd"], per_time["bwd"]], dim=2).transpose(0, 1)
    return out, y.contiguous(), torch.stack(finals_h), torch.stack(finals_c)


def make_draft(folder):
    """Fixtures/draft/: the draft's step on the demo case's weights and input."""
    model, x, _ = build(CASES[0])
    with torch.no_grad():
        traces, y, h_n, c_n = draft_loop(model, x)
    os.makedirs(folder, exist_ok=True)
    safetensors.torch.save_file({k: v.contiguous() for k, v in model.state_dict().items()},
                                os.path.join(folder, "weights.safetensors"))
    save_npy(os.path.join(folder, "x.npy"), x)
    save_npy(os.path.join(folder, "y.npy"), y)
    save_npy(os.path.join(folder, "h_n.npy"), h_n)
    save_npy(os.path.join(folder, "c_n.npy"), c_n)
    for d in ("fwd", "bwd"):
        for k, v in traces[d].items():
            save_npy(os.path.join(folder, f"{d}_{k}.npy"), v)


def run_torch(model, x, state):
    with torch.no_grad():
        if state is None:
            y, (h_n, c_n) = model(x)
        else:
            y, (h_n, c_n) = model(x, state)
    return y, h_n, c_n


def assert_close(name, actual, expected, atol, rtol):
    a, e = actual.double(), expected.double()
    excess = ((a - e).abs() - (atol + rtol * e.abs())).max().item()
    if excess > 0:
        raise AssertionError(f"{name}: exceeds tolerance by {excess:g} (max |diff| {(a - e).abs().max().item():g})")


def save_npy(path, tensor):
    arr = np.ascontiguousarray(tensor.detach().numpy().astype("<f4"))
    np.save(path, arr, allow_pickle=False)


def make_case(case, folder):
    model, x, state = build(case)
    y, h_n, c_n = run_torch(model, x, state)
    traces, ry, rh, rc = reference_loop(model, x, state, torch.float32)
    # The explicit loop is nn.LSTM.
    for name, a, e in [("y", ry, y), ("h_n", rh, h_n), ("c_n", rc, c_n)]:
        assert_close(f"{case.name} loop {name} vs nn.LSTM", a, e, atol=1e-5, rtol=1e-5)
    # Well-conditioned: float32 within half the Swift tolerance of float64.
    t64, y64, h64, c64 = reference_loop(model, x, state, torch.float64)
    for d in ("fwd", "bwd"):
        for k in traces[d]:
            assert_close(f"{case.name} {d}_{k} f32 vs f64", traces[d][k], t64[d][k], ATOL / 2, RTOL / 2)
    for name, a, e in [("y", y, y64), ("h_n", h_n, h64), ("c_n", c_n, c64)]:
        assert_close(f"{case.name} nn.LSTM {name} vs f64", a, e, ATOL / 2, RTOL / 2)
    max_z = max(traces[d]["gates_pre"].abs().max().item() for d in ("fwd", "bwd"))
    if case.min_max_z is not None and not max_z > case.min_max_z:
        raise AssertionError(f"{case.name}: max |z| = {max_z} does not exceed {case.min_max_z}")

    os.makedirs(folder, exist_ok=True)
    safetensors.torch.save_file({k: v.contiguous() for k, v in model.state_dict().items()},
                                os.path.join(folder, "weights.safetensors"))
    save_npy(os.path.join(folder, "x.npy"), x)
    if state is not None:
        save_npy(os.path.join(folder, "h0.npy"), state[0])
        save_npy(os.path.join(folder, "c0.npy"), state[1])
    save_npy(os.path.join(folder, "y.npy"), y)
    save_npy(os.path.join(folder, "h_n.npy"), h_n)
    save_npy(os.path.join(folder, "c_n.npy"), c_n)
    for d in ("fwd", "bwd"):
        for k, v in traces[d].items():
            save_npy(os.path.join(folder, f"{d}_{k}.npy"), v)
    return max_z


def write_all(root):
    if os.path.isdir(root):
        shutil.rmtree(root)
    os.makedirs(root)
    for case in CASES:
        max_z = make_case(case, os.path.join(root, case.name))
        print(f"{case.name:14s} B={case.b} T={case.t} D={case.d} H={case.h}  max|z|={max_z:.3f}")
    make_draft(os.path.join(root, "draft"))
    print("draft          the tutorial's first draft on the demo weights")
    folder = os.path.join(root, "orthogonal")
    os.makedirs(folder)
    for seed, rows, cols in ORTHOGONAL:
        save_npy(os.path.join(folder, f"seed{seed}_{rows}x{cols}.npy"), orthogonal_like_torch(seed, rows, cols))
    print(f"orthogonal     {len(ORTHOGONAL)} matrices")
    for name, seed, b, t, d, h in GENERATED:
        make_generated(name, seed, b, t, d, h, os.path.join(root, "generated", name))
        print(f"generated/{name:8s} B={b} T={t} D={d} H={h}")
    write_stacked(os.path.join(root, "stacked"), assert_close, save_npy, ATOL, RTOL)


def tree_bytes(root):
    files = {}
    for dirpath, _, names in os.walk(root):
        for n in names:
            p = os.path.join(dirpath, n)
            with open(p, "rb") as fh:
                files[os.path.relpath(p, root)] = fh.read()
    return files


def check_binary(binary):
    """Weights saved by lstmlab load into nn.LSTM and reproduce its outputs."""
    for case in CASES:
        folder = os.path.join(FIXTURES, case.name)
        with tempfile.TemporaryDirectory() as tmp:
            saved = os.path.join(tmp, "saved.safetensors")
            out_dir = os.path.join(tmp, "out")
            cmds = [f'load weights "{os.path.join(folder, "weights.safetensors")}"',
                    f'load input "{os.path.join(folder, "x.npy")}"']
            if case.given_state:
                cmds += [f'load h0 "{os.path.join(folder, "h0.npy")}"',
                         f'load c0 "{os.path.join(folder, "c0.npy")}"']
            cmds += ["run", f'export "{out_dir}"', f'save weights "{saved}"']
            proc = subprocess.run([binary, "-c", "; ".join(cmds)], capture_output=True, text=True, timeout=60)
            if proc.returncode != 0:
                raise AssertionError(f"{case.name}: lstmlab exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
            model, x, state = build(case)
            y, h_n, c_n = run_torch(model, x, state)
            reloaded = nn.LSTM(case.d, case.h, bidirectional=True, batch_first=True)
            reloaded.load_state_dict(safetensors.torch.load_file(saved), strict=True)
            for n in PARAM_NAMES + [p + "_reverse" for p in PARAM_NAMES]:
                if not torch.equal(reloaded.state_dict()[n], model.state_dict()[n]):
                    raise AssertionError(f"{case.name}: saved {n} differs from the loaded weights")
            y2, h2, c2 = run_torch(reloaded, x, state)
            for name, a, e in [("y", y2, y), ("h_n", h2, h_n), ("c_n", c2, c_n)]:
                if not torch.equal(a, e):
                    raise AssertionError(f"{case.name}: reloaded nn.LSTM {name} differs")
            for name, e in [("y", y), ("h_n", h_n), ("c_n", c_n)]:
                got = torch.from_numpy(np.load(os.path.join(out_dir, f"{name}.npy")))
                assert_close(f"{case.name}: lstmlab export {name}", got, e, ATOL, RTOL)
            print(f"{case.name:14s} save weights -> load_state_dict(strict) ok, outputs identical; export y/h_n/c_n within tolerance")


LAB_MADE = [  # (init, seed, B, T, D, H)
    ("tutorial", 7, 3, 5, 8, 16),
    ("pytorch", 8, 2, 6, 5, 3),
    ("tutorial", 9, 1, 4, 2, 6),
]


def check_lab_made(binary):
    """Parameters the lab draws itself: saved, loaded into nn.LSTM, same outputs as the lab's export."""
    for init, seed, b, t, d, h in LAB_MADE:
        with tempfile.TemporaryDirectory() as tmp:
            torch.manual_seed(100 + seed)
            x = torch.randn(b, t, d)
            x_path, saved, out_dir = os.path.join(tmp, "x.npy"), os.path.join(tmp, "p.safetensors"), os.path.join(tmp, "out")
            save_npy(x_path, x)
            cmds = [f"sizes B={b} T={t} D={d} H={h}", f"init {init} seed {seed}", f'load input "{x_path}"',
                    "run", f'export "{out_dir}"', f'save weights "{saved}"']
            proc = subprocess.run([binary, "-c", "; ".join(cmds)], capture_output=True, text=True, timeout=60)
            if proc.returncode != 0:
                raise AssertionError(f"lab-made {init}: lstmlab exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
            model = nn.LSTM(d, h, bidirectional=True, batch_first=True)
            model.load_state_dict(safetensors.torch.load_file(saved), strict=True)
            sd = model.state_dict()
            for suffix in ("", "_reverse"):
                w_ih, w_hh = sd["weight_ih_l0" + suffix], sd["weight_hh_l0" + suffix]
                b_ih, b_hh = sd["bias_ih_l0" + suffix], sd["bias_hh_l0" + suffix]
                if init == "tutorial":
                    gram = w_hh.double().t() @ w_hh.double()
                    assert (gram - torch.eye(h, dtype=torch.float64)).abs().max().item() < 1e-5, "W_hh columns not orthonormal"
                    assert w_ih.abs().max().item() <= math.sqrt(6 / (d + 4 * h)), "W_ih outside the Xavier bound"
                    forget = torch.zeros(4 * h)
                    forget[h:2 * h] = 1
                    assert torch.equal(b_ih, forget) and torch.equal(b_hh, forget), "biases are not the tutorial's"
                else:
                    k = 1 / math.sqrt(h)
                    for v in (w_ih, w_hh, b_ih, b_hh):
                        assert v.abs().max().item() <= k, "outside ±1/√H"
            y, h_n, c_n = run_torch(model, x, None)
            for name, e in [("y", y), ("h_n", h_n), ("c_n", c_n)]:
                got = torch.from_numpy(np.load(os.path.join(out_dir, f"{name}.npy")))
                assert_close(f"lab-made {init} seed {seed}: export {name} vs nn.LSTM", got, e, ATOL, RTOL)
            print(f"lab-made {init:8s} seed {seed} B={b} T={t} D={d} H={h}: load_state_dict(strict) ok, init properties hold, "
                  f"nn.LSTM reproduces the lab's y/h_n/c_n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="regenerate into a temp dir and compare bytes with Fixtures/")
    ap.add_argument("--binary", help="path to lstmlab: check its save weights/export against nn.LSTM")
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    if args.binary:
        check_binary(args.binary)
        check_lab_made(args.binary)
        return
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            write_all(os.path.join(tmp, "F"))
            fresh, committed = tree_bytes(os.path.join(tmp, "F")), tree_bytes(FIXTURES)
        if fresh != committed:
            diff = sorted(set(fresh) ^ set(committed)) + sorted(k for k in fresh if k in committed and fresh[k] != committed[k])
            print("fixtures differ from a fresh run:", ", ".join(diff))
            sys.exit(1)
        print(f"fixtures identical to a fresh run ({len(fresh)} files)")
        return
    write_all(FIXTURES)
    total = sum(len(v) for v in tree_bytes(FIXTURES).values())
    print(f"total {total} bytes")


if __name__ == "__main__":
    main()
