"""The bracket-matching task: labels and a seeded data generator.

Every character of a string over ``()ab`` gets one of three classes:

    matched     a bracket with a partner
    unmatched   a bracket without a partner
    other       not a bracket (``a`` or ``b``)

Partners are the usual ones: scanning left to right, a ``)`` closes the
nearest ``(`` still open. So whether a ``)`` is matched depends only on what
came before it (is any ``(`` open?), while whether a ``(`` is matched depends
only on what comes after it (does a ``)`` close it later?). Read from the
right, the roles swap: a ``(`` is matched exactly when, scanning right to left
with ``)`` as the opener, some ``)`` is still waiting. A forward LSTM can count
for the ``)``; only a backward one can count for the ``(``.

No torch here: train.py and make_golden.py both import this file.
"""

import random

ALPHABET = "()ab"
CLASSES = ["matched", "unmatched", "other"]
MATCHED, UNMATCHED, OTHER = 0, 1, 2


def labels(s):
    """The class of every character of ``s`` (a list of ints)."""
    out = [OTHER] * len(s)
    open_at = []
    for t, ch in enumerate(s):
        if ch == "(":
            open_at.append(t)
            out[t] = UNMATCHED
        elif ch == ")":
            if open_at:
                out[open_at.pop()] = MATCHED
                out[t] = MATCHED
            else:
                out[t] = UNMATCHED
    return out


def depth_before(s):
    """Open brackets still open just before each position, scanning left to right
    (a ``)`` without a partner leaves the count at 0, as the matching does)."""
    out, depth = [], 0
    for ch in s:
        out.append(depth)
        if ch == "(":
            depth += 1
        elif ch == ")" and depth > 0:
            depth -= 1
    return out


def random_string(rng, min_len=1, max_len=24):
    """One string: a random length, and per string random bracket rates, so the
    data holds shallow and deep nesting, balanced and unbalanced strings."""
    n = rng.randint(min_len, max_len)
    p_open = rng.uniform(0.1, 0.45)
    p_close = rng.uniform(0.1, 0.45)
    chars = []
    for _ in range(n):
        r = rng.random()
        if r < p_open:
            chars.append("(")
        elif r < p_open + p_close:
            chars.append(")")
        else:
            chars.append(rng.choice("ab"))
    return "".join(chars)


def dataset(seed, count, min_len=1, max_len=24, exclude=()):
    """``count`` strings from a generator seeded with ``seed``; none in ``exclude``."""
    rng = random.Random(seed)
    banned = set(exclude)
    out = []
    while len(out) < count:
        s = random_string(rng, min_len, max_len)
        if s not in banned:
            out.append(s)
    return out


def one_hot(strings, alphabet=ALPHABET):
    """Nested lists ``[B][T][D]``: one-hot rows, shorter strings padded with zero rows."""
    width = max(len(s) for s in strings)
    index = {ch: k for k, ch in enumerate(alphabet)}
    rows = []
    for s in strings:
        seq = []
        for t in range(width):
            row = [0.0] * len(alphabet)
            if t < len(s):
                row[index[s[t]]] = 1.0
            seq.append(row)
        rows.append(seq)
    return rows


if __name__ == "__main__":
    for s in dataset(0, 8):
        print(f"{s:24s} {''.join('MU.'[c] for c in labels(s))}")
