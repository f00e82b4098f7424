"""Applies a qprune ``mask.json`` by physically removing the pruned channels.

Each group's member convs lose the dropped output channels (with their BatchNorm2d), and every
consumer (convs reading the group, linear layers after a flatten) loses the matching inputs. The
result computes what the masked network computes (``--check`` compares them on test data).
Usage::

    python3 -m qprune_torch.slim --weights cnn.pt --mask runs/mine/mask.json --out slim.pt [--check]

``--out`` gets the whole slimmed module (``torch.save``; loading needs the model's class
importable) and prints accuracy, parameters, FLOPs and file size before and after.
"""
import copy
import json
import os

import torch
import torch.nn as nn

from . import cost as costs
from . import tasks
from .graph import Masked, Structure


def read_mask(path, structure):
    """The kept flags of ``path`` (a mask.json), checked against the network's units, in unit order."""
    with open(path) as f:
        m = json.load(f)
    if not isinstance(m, dict) or "unit_ids" not in m or "kept" not in m:
        raise ValueError(f"{path}: expected an object with 'unit_ids' and 'kept' (qprune's mask.json)")
    ids, kept = m["unit_ids"], m["kept"]
    if len(ids) != len(kept):
        raise ValueError(f"{path}: {len(ids)} unit_ids but {len(kept)} kept flags")
    expected = structure.unit_ids()
    if list(ids) != expected:
        missing = sorted(set(expected) - set(ids))[:3]
        extra = sorted(set(ids) - set(expected))[:3]
        raise ValueError(f"{path}: its {len(ids)} unit ids are not this network's {len(expected)} "
                         f"(missing e.g. {missing}, unknown e.g. {extra}): was it pruned from these scores?")
    for i, b in enumerate(kept):
        if b not in (0, 1):
            raise ValueError(f"{path}: kept[{i}] ('{ids[i]}') is {b!r}, expected 0 or 1")
    return kept


def slim(model, structure, bits):
    """A copy of ``model`` with the channels whose flag in ``bits`` (unit order) is 0 removed."""
    keep = {}
    for g, m in zip(structure.groups, structure.masks_from_bits(bits)):
        idx = torch.nonzero(m, as_tuple=False).flatten()
        if len(idx) == 0:
            raise ValueError(f"the mask keeps no channel of '{g.name}'; keep at least one per group")
        keep[g.index] = idx
    out = copy.deepcopy(model)
    mods = dict(out.named_modules())
    for name, mod in list(mods.items()):
        if isinstance(mod, nn.Conv2d) and (name in structure.conv_out or name in structure.conv_in):
            o = keep[structure.conv_out[name].index] if name in structure.conv_out else None
            i = keep[structure.conv_in[name].index] if name in structure.conv_in else None
            _replace(out, name, _conv(mod, i, o))
        elif isinstance(mod, nn.Linear) and name in structure.linear_in:
            g, s = structure.linear_in[name]
            cols = (keep[g.index].view(-1, 1) * s + torch.arange(s).view(1, -1)).flatten()
            lin = nn.Linear(len(cols), mod.out_features, bias=mod.bias is not None)
            lin.weight.data = mod.weight.data[:, cols].clone()
            if mod.bias is not None:
                lin.bias.data = mod.bias.data.clone()
            _replace(out, name, lin)
    for conv, bn in structure.bn_of.items():
        _replace(out, bn, _bn(mods[bn], keep[structure.conv_out[conv].index]))
    return out


def _conv(c, inputs, outputs):
    w = c.weight.data
    w = w[outputs] if outputs is not None else w
    w = w[:, inputs] if inputs is not None else w
    new = nn.Conv2d(w.shape[1], w.shape[0], c.kernel_size, c.stride, c.padding, c.dilation, 1,
                    c.bias is not None, c.padding_mode)
    new.weight.data = w.clone()
    if c.bias is not None:
        new.bias.data = (c.bias.data[outputs] if outputs is not None else c.bias.data).clone()
    return new


def _bn(b, idx):
    new = nn.BatchNorm2d(len(idx), b.eps, b.momentum, b.affine, b.track_running_stats)
    if b.affine:
        new.weight.data = b.weight.data[idx].clone()
        new.bias.data = b.bias.data[idx].clone()
    if b.track_running_stats:
        new.running_mean = b.running_mean[idx].clone()
        new.running_var = b.running_var[idx].clone()
        new.num_batches_tracked = b.num_batches_tracked.clone()
    return new.train(b.training)


def _replace(root, name, module):
    parent, _, leaf = name.rpartition(".")
    setattr(root.get_submodule(parent) if parent else root, leaf, module)


def masked_outputs(model, structure, bits, x):
    with torch.no_grad(), Masked(structure, structure.masks_from_bits(bits)):
        return model(x)


def accuracy(model, x, y, batch=1000):
    with torch.no_grad():
        return sum((model(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item()
                   for i in range(0, len(x), batch)) / len(x)


def main(argv=None):
    p = tasks.parser("qprune_torch.slim", __doc__)
    p.add_argument("--mask", required=True, help="mask.json from qprune prune/refine")
    p.add_argument("--out", required=True, help="where the slimmed module goes (.pt)")
    p.add_argument("--check", action="store_true", help="compare with the masked network on test data")
    p.add_argument("--report", help="also write the figures as JSON here")
    a = p.parse_args(argv)
    task = tasks.from_args(a)
    model = task.model().eval()
    x, y = task.data("test")
    st = Structure(model, x[:1])
    try:
        bits = read_mask(a.mask, st)
        small = slim(model, st, bits).eval()
    except ValueError as e:
        raise SystemExit(f"error: {e}")
    rep = {"mask": a.mask, "kept_units": sum(bits), "units": len(bits)}
    if a.check:
        diff = (masked_outputs(model, st, bits, x[:1000]) - small(x[:1000]).detach()).abs().max().item()
        rep["max_abs_difference_to_masked"] = diff
        if diff > 1e-3:
            raise SystemExit(f"error: the slimmed network differs from the masked one by {diff:.3g}")
    tmp = a.out + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    torch.save(small, tmp)
    os.replace(tmp, a.out)
    full_sd, small_sd = a.out + ".full-state.tmp", a.out + ".state.tmp"
    torch.save(model.state_dict(), full_sd)
    torch.save(small.state_dict(), small_sd)
    for tag, m, sd in (("full", model, full_sd), ("slim", small, small_sd)):
        f, n = costs.count(m, x[:1])
        rep[tag] = {"test_accuracy": accuracy(m, x, y), "params": int(n), "flops": f,
                    "state_dict_bytes": os.path.getsize(sd)}
        os.remove(sd)
    if a.report:
        from .scores import write_json
        write_json(a.report, rep)
    print(json.dumps(rep))


if __name__ == "__main__":
    main()
