"""Fits your network's measured latency as a cost of the kept flags, in the FLOPs cost's own shape.

Seeded random masks (every group a random width, at least one channel) are applied for real
(``slim.slim``: the pruned channels removed), each slimmed network's forward on ``--batch`` test
inputs is timed (interleaved rounds: every network once per round, ``--repeats`` timed rounds after
one warm-up; the median per mask), and the times are fitted by non-negative least squares to the
shape of the cost file's FLOPs: a weight per kept unit of each group and one per block of the FLOPs'
pairwise terms (all pairs between two groups share one weight). The result is written as the cost
file's ``"latency"`` field (ms, the same constant/linear/pairwise form), which ``qprune prune
--scores S --cost C --flops 0.5 --latency 0.6`` uses as a cap (and ``qprune refine --evaluator``).
Usage::

    python3 -m qprune_torch.latency --weights cnn.pt --cost cost.json --out cost-latency.json \\
        [--samples 48] [--repeats 5] [--batch 1] [--seed 1] [--threads 1]

It prints the fit's relative RMS error on the masks it fitted and on a held-out quarter.
"""
import json
import random
import time

import numpy as np
import torch

from . import slim as slimming
from . import tasks
from .graph import Structure
from .scores import write_json


def sample_masks(structure, count, seed):
    """The unpruned network first, then ``count - 1`` masks: each group a uniform random width, random channels."""
    r = random.Random(seed)
    masks = [[1] * len(structure.unit_ids())]
    for _ in range(count - 1):
        bits = []
        for g in structure.groups:
            width = r.randint(1, g.channels)
            keep = set(r.sample(range(g.channels), width))
            bits += [1 if i in keep else 0 for i in range(g.channels)]
        masks.append(bits)
    return masks


def blocks(structure, flops):
    """The unit -> group map, the group pairs of the FLOPs' pairwise terms, and each term's block."""
    group = {u: g.index for g in structure.groups for u in g.ids()}
    pair_blocks = sorted({tuple(sorted((group[a], group[b]))) for a, b, _ in flops["pairwise"]})
    index = {blk: i for i, blk in enumerate(pair_blocks)}
    of_pair = [index[tuple(sorted((group[a], group[b])))] for a, b, _ in flops["pairwise"]]
    return group, pair_blocks, of_pair


def features(structure, flops, bits, group, pair_blocks, of_pair):
    """1, the kept units of each group, and per pair block the number of kept pairs in it."""
    ids = structure.unit_ids()
    kept = dict(zip(ids, bits))
    f = np.zeros(1 + len(structure.groups) + len(pair_blocks))
    f[0] = 1
    for u, b in kept.items():
        f[1 + group[u]] += b
    for (a, b, _), blk in zip(flops["pairwise"], of_pair):
        f[1 + len(structure.groups) + blk] += kept[a] * kept[b]
    return f


def nnls(a, b, sweeps=100000):
    """min ||a w - b||^2 over w >= 0, by exact coordinate descent on the normal equations."""
    g = a.T @ a
    h = a.T @ b
    w = np.zeros(a.shape[1])
    for _ in range(sweeps):
        moved = 0.0
        for i in range(len(w)):
            if g[i, i] <= 0:
                continue
            new = max(0.0, w[i] + (h[i] - g[i] @ w) / g[i, i])
            moved = max(moved, abs(new - w[i]) * np.sqrt(g[i, i]))
            w[i] = new
        if moved <= 1e-12 * (1.0 + float(np.max(np.abs(w) * np.sqrt(np.maximum(np.diag(g), 0.0))))):
            break
    return w


def time_rounds(model, structure, masks, x, repeats):
    """Every timed round's ms of each mask's slimmed network on ``x`` (interleaved rounds, one warm-up)."""
    nets = [slimming.slim(model, structure, bits).eval() for bits in masks]
    times = [[] for _ in nets]
    with torch.no_grad():
        for r in range(repeats + 1):
            for i, net in enumerate(nets):
                t0 = time.perf_counter()
                net(x)
                if r > 0:
                    times[i].append(1000 * (time.perf_counter() - t0))
    return times


def time_masks(model, structure, masks, x, repeats):
    """Median ms of each mask (``masks[0]`` the unpruned network): the unpruned network is timed first,
    in the middle and last of the loop and its median is over all three, as qprune's own fit does (every
    latency cap is a fraction of that one time)."""
    full, rest = masks[0], list(masks[1:])
    half = len(rest) // 2
    times = time_rounds(model, structure, [full] + rest[:half] + [full] + rest[half:] + [full], x, repeats)
    unpruned = times[0] + times[1 + half] + times[-1]
    others = times[1:1 + half] + times[2 + half:-1]
    return [float(np.median(unpruned))] + [float(np.median(t)) for t in others]


def fit(structure, flops, masks, ms):
    """The latency field (constant, linear, pairwise in the FLOPs' pairs) and its errors (fitted, held out)."""
    group, pair_blocks, of_pair = blocks(structure, flops)
    f = np.array([features(structure, flops, m, group, pair_blocks, of_pair) for m in masks])
    t = np.array(ms)
    test = np.arange(len(masks)) % 4 == 3
    # the unpruned network's row (the first) weighs as much as all the others: a latency cap is a
    # fraction of the field's unpruned value, which should be the measured time, not an extrapolation
    anchor = np.ones(len(masks))
    anchor[0] = np.sqrt(len(masks))
    partial = nnls(f[~test] * anchor[~test, None], t[~test] * anchor[~test])
    holdout = float(np.sqrt(np.mean(((f[test] @ partial - t[test]) / t[test]) ** 2))) if test.any() else float("nan")
    w = nnls(f * anchor[:, None], t * anchor)
    fitted = float(np.sqrt(np.mean(((f @ w - t) / t) ** 2)))
    ng = len(structure.groups)
    field = {"constant": float(w[0]),
             "linear": {u: float(w[1 + group[u]]) for u in structure.unit_ids()},
             "pairwise": [[a, b, float(w[1 + ng + blk])] for (a, b, _), blk in zip(flops["pairwise"], of_pair)]}
    return field, fitted, holdout


def main(argv=None):
    p = tasks.parser("qprune_torch.latency", __doc__)
    p.add_argument("--cost", required=True, help="the cost file (from qprune_torch.scores --cost-out)")
    p.add_argument("--out", required=True, help="the cost file with a 'latency' field to write")
    p.add_argument("--samples", type=int, default=48, help="random masks timed (default: %(default)s)")
    p.add_argument("--repeats", type=int, default=5, help="timed rounds (default: %(default)s)")
    p.add_argument("--batch", type=int, default=1, help="test inputs per timed forward (default: %(default)s)")
    p.add_argument("--seed", type=int, default=1, help="seed of the masks (default: %(default)s)")
    a = p.parse_args(argv)
    if a.samples < 8 or a.repeats < 1 or a.batch < 1:
        raise SystemExit(f"error: --samples must be >= 8, --repeats and --batch >= 1 (got {a.samples}, {a.repeats}, {a.batch})")
    task = tasks.from_args(a)
    model = task.model().eval()
    x, _ = task.data("test")
    st = Structure(model, x[:1])
    try:
        with open(a.cost) as fh:
            cost = json.load(fh)
    except (OSError, ValueError) as e:
        raise SystemExit(f"error: cannot read the cost file {a.cost}: {e}")
    flops = cost.get("flops") if isinstance(cost, dict) else None
    if not isinstance(flops, dict) or sorted(flops.get("linear", {})) != sorted(st.unit_ids()):
        raise SystemExit(f"error: {a.cost} has no 'flops' field over this network's {len(st.unit_ids())} units"
                         " (write it with qprune_torch.scores --cost-out)")
    masks = sample_masks(st, a.samples, a.seed)
    ms = time_masks(model, st, masks, x[:a.batch], a.repeats)
    field, fitted, holdout = fit(st, flops, masks, ms)
    cost["latency"] = field
    write_json(a.out, cost)
    print(f"wrote {a.out}: latency fitted on {a.samples} masks ({a.repeats} rounds, batch {a.batch},"
          f" {a.threads} thread(s)); unpruned {ms[0]:.3f} ms; relative RMS error {fitted:.3f} fitted,"
          f" {holdout:.3f} held out")


if __name__ == "__main__":
    main()
