"""The per-unit cost model of a network (FLOPs and parameters as quadratic functions of the kept flags).

``cost(x) = constant + Σ_i linear_i·x_i + Σ w·x_a·x_b`` over the kept flags x (1 = kept), in the
form the ``"cost"`` field of a ``--scores`` file carries. FLOPs are 2 × the multiply-accumulates of
the convolutions and linear layers for one input of the traced example's size (as qprune's own
models count them); parameters are all trainable ones (weights, biases, BN affine). A conv from
group A to group B costs per kept pair (a, b), one from fixed channels to B per kept b; the
constant is the rest, so ``cost(all kept)`` is exactly the network's total.
"""
import torch
import torch.fx
import torch.nn as nn
from torch.fx.passes.shape_prop import ShapeProp


def count(model, example):
    """FLOPs (2 × MACs of convs and linears, per sample of ``example``) and trainable parameters."""
    gm = torch.fx.symbolic_trace(model)
    ShapeProp(gm).propagate(example)
    mods = dict(gm.named_modules())
    flops = 0.0
    for node in gm.graph.nodes:
        if node.op != "call_module":
            continue
        m = mods[node.target]
        shape = node.meta["tensor_meta"].shape
        if isinstance(m, nn.Conv2d):
            k = m.kernel_size[0] * m.kernel_size[1]
            flops += 2.0 * (m.in_channels // m.groups) * k * m.out_channels * shape[2] * shape[3]
        elif isinstance(m, nn.Linear):
            flops += 2.0 * m.in_features * m.out_features
    params = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return flops, float(params)


class _Form:
    def __init__(self, ids):
        self.linear = {u: 0.0 for u in ids}
        self.pairs = {}

    def add_linear(self, unit, v):
        self.linear[unit] += v

    def add_pair(self, a, b, v):
        if a == b:
            self.linear[a] += v
            return
        key = (a, b) if a < b else (b, a)
        self.pairs[key] = self.pairs.get(key, 0.0) + v

    def full(self):
        return sum(self.linear.values()) + sum(self.pairs.values())

    def as_json(self, total, order):
        rank = {u: i for i, u in enumerate(order)}
        pairs = sorted(self.pairs.items(), key=lambda kv: (rank[kv[0][0]], rank[kv[0][1]]))
        return {"constant": total - self.full(), "linear": self.linear,
                "pairwise": [[a, b, w] for (a, b), w in pairs]}


def model_cost(structure, example):
    """``{"flops": {...}, "params": {...}}`` for the groups of ``structure`` (a graph.Structure)."""
    order = structure.unit_ids()
    flops, params = _Form(order), _Form(order)
    mods = structure.modules
    for name, mod in mods.items():
        if isinstance(mod, nn.Conv2d):
            _conv(structure, name, mod, flops, params)
        elif isinstance(mod, nn.Linear) and name in structure.linear_in:
            g, s = structure.linear_in[name]
            for a in g.ids():
                flops.add_linear(a, 2.0 * s * mod.out_features)
                params.add_linear(a, float(s * mod.out_features))
    for conv, bn in structure.bn_of.items():
        b = mods[bn]
        per = sum(p.numel() for p in (b.weight, b.bias) if p is not None and p.requires_grad)
        for u in structure.conv_out[conv].ids():
            params.add_linear(u, float(per) / structure.conv_out[conv].channels)
    total_flops, total_params = count(structure.model, example)
    return {"flops": flops.as_json(total_flops, order), "params": params.as_json(total_params, order)}


def _conv(structure, name, mod, flops, params):
    if mod.groups != 1:
        return
    shape = structure.out_shape(name)
    k = mod.kernel_size[0] * mod.kernel_size[1]
    hw = shape[2] * shape[3]
    g_in, g_out = structure.conv_in.get(name), structure.conv_out.get(name)
    if g_in is not None and g_out is not None:
        for a in g_in.ids():
            for b in g_out.ids():
                flops.add_pair(a, b, 2.0 * k * hw)
                params.add_pair(a, b, float(k))
    elif g_out is not None:
        for b in g_out.ids():
            flops.add_linear(b, 2.0 * mod.in_channels * k * hw)
            params.add_linear(b, float(mod.in_channels * k))
    elif g_in is not None:
        for a in g_in.ids():
            flops.add_linear(a, 2.0 * mod.out_channels * k * hw)
            params.add_linear(a, float(mod.out_channels * k))
    if g_out is not None and mod.bias is not None:
        for b in g_out.ids():
            params.add_linear(b, 1.0)


def evaluate(form, kept):
    """A cost field's value at ``kept`` (a dict unit id -> 0/1)."""
    v = form["constant"] + sum(w * kept[u] for u, w in form["linear"].items())
    return v + sum(w * kept[a] * kept[b] for a, b, w in form["pairwise"])
