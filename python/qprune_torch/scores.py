"""Scores for ``qprune prune --scores``: L1, Taylor, Fisher per unit and within-layer similarities.

The same definitions as qprune's own calibration: per-sample mask gradients ``g = ∂L_s/∂m`` from
a per-channel mask multiplier on every group's output points (model in eval mode, so samples do
not interact), Taylor = ``|mean_s g|``, Fisher = ``½ mean_s g²``, L1 = the filters' L1 norm
(summed over a group's member convs), and the Pearson correlation of the channels' activation
maps (the group's masked outputs summed, average-pooled to 8 × 8 or the map's size if smaller),
clipped at 0. Usage::

    python3 -m qprune_torch.scores --weights cnn.pt --out scores.json [--cost-out cost.json] [--cost]
"""
import json
import os

import torch
import torch.nn.functional as F

from . import cost as costs
from . import tasks
from .graph import Masked, Structure


def compute(model, x, y, per_sample_loss, chunk=128, pooled=8):
    """The scores JSON (a dict) and the Structure of ``model`` on calibration data ``x``, ``y``."""
    model.eval()
    st = Structure(model, x[:1])
    if not st.groups:
        raise ValueError(f"no prunable conv channels found (skipped: {st.skipped})")
    n_groups = len(st.groups)
    gsum = [torch.zeros(g.channels, dtype=torch.float64) for g in st.groups]
    gsq = [torch.zeros(g.channels, dtype=torch.float64) for g in st.groups]
    acts = [[] for _ in st.groups]
    frozen = [(p, p.requires_grad) for p in model.parameters()]
    for p, _ in frozen:
        p.requires_grad_(False)
    try:
        for i in range(0, len(x), chunk):
            xb, yb = x[i:i + chunk], y[i:i + chunk]
            masks = [torch.ones(len(xb), g.channels, 1, 1, requires_grad=True) for g in st.groups]
            taps = [None] * n_groups
            with Masked(st, masks, taps):
                loss = per_sample_loss(model(xb), yb)
            loss.sum().backward()                               # m.grad[s, c] = dL_s / dm_c
            for k in range(n_groups):
                g = masks[k].grad.flatten(1).double()
                gsum[k] += g.sum(0)
                gsq[k] += (g ** 2).sum(0)
                t = taps[k].detach()
                side = (min(pooled, t.shape[2]), min(pooled, t.shape[3]))
                acts[k].append(F.adaptive_avg_pool2d(t, side).flatten(2))
    finally:
        for p, r in frozen:
            p.requires_grad_(r)
    mods = dict(model.named_modules())
    units, sim = [], {}
    for k, grp in enumerate(st.groups):
        l1 = sum(mods[m].weight.detach().abs().flatten(1).sum(1).double() for m in grp.members)
        taylor = (gsum[k] / len(x)).abs()
        fisher = 0.5 * gsq[k] / len(x)
        for c, uid in enumerate(grp.ids()):
            units.append({"id": uid, "layer": grp.name, "l1": l1[c].item(),
                          "taylor": taylor[c].item(), "fisher": fisher[c].item()})
        sim[grp.name] = pearson(torch.cat(acts[k]).transpose(0, 1).flatten(1)).tolist()
    info = {"tool": "qprune_torch.scores", "samples": len(x), "pooled": pooled,
            "groups": [{"layer": g.name, "members": g.members, "masked_at": g.points,
                        "channels": g.channels} for g in st.groups],
            "skipped": st.skipped}
    return {"units": units, "similarity": sim, "info": info}, st


def pearson(a):
    """Pearson correlation of the rows of ``a`` (channels × values), clipped to [0, 1], diagonal 1."""
    a = a.double()
    a = a - a.mean(dim=1, keepdim=True)
    norm = a.norm(dim=1, keepdim=True)
    a = torch.where(norm > 0, a / norm.clamp_min(1e-300), torch.zeros_like(a))   # dead: like nothing
    s = (a @ a.T).clamp(0.0, 1.0)
    s = (s + s.T) / 2
    s.fill_diagonal_(1.0)
    return s


def write_json(path, obj):
    """Writes ``obj`` to a temporary file beside ``path``, then moves it there."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(obj, f)
        f.write("\n")
    os.replace(tmp, path)


def main(argv=None):
    p = tasks.parser("qprune_torch.scores", __doc__)
    p.add_argument("--out", required=True, help="the scores JSON to write")
    p.add_argument("--cost-out", help="also write the cost model alone to this file")
    p.add_argument("--cost", action="store_true",
                   help="put the cost model into the scores file as its 'cost' field")
    p.add_argument("--samples", type=int, default=512, help="calibration samples used (default: all, up to 512)")
    p.add_argument("--pooled", type=int, default=8)
    a = p.parse_args(argv)
    task = tasks.from_args(a)
    model = task.model()
    x, y = task.data("calibration")
    x, y = x[:a.samples], y[:a.samples]
    out, st = compute(model, x, y, task.per_sample_loss, pooled=a.pooled)
    c = costs.model_cost(st, x[:1])
    if a.cost:
        out["cost"] = c
    write_json(a.out, out)
    if a.cost_out:
        write_json(a.cost_out, c)
    for g in st.groups:
        print(f"group {g.name}: {g.channels} units (masked at {', '.join(g.points)})")
    for name, why in st.skipped.items():
        print(f"not prunable: {name}: its channels {why}")
    print(f"wrote {a.out}: {len(out['units'])} units from {len(x)} calibration samples; "
          f"FLOPs {c['flops']['constant'] + sum(c['flops']['linear'].values()) + sum(w for *_, w in c['flops']['pairwise']):.0f}")


if __name__ == "__main__":
    main()
