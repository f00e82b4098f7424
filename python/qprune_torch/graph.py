"""Finds a network's prunable output-channel groups with torch.fx and masks them with hooks.

A *group* is a set of convolutions (``nn.Conv2d``, groups=1) whose output channels must be kept or
removed together: one conv on its own, or every conv whose outputs meet in a residual add. Each
channel of a group is one pruning unit, with id ``<layer>:<channel>`` where the layer name joins
the member convs' names with ``+``. A conv's output point is the ``BatchNorm2d`` it alone feeds
(else the conv itself); masking multiplies the output points of all members by the group's mask,
so a masked channel is exactly zero downstream and removing it changes nothing. Groups whose
channels reach an operation this module cannot slice (concatenation, a grouped conv, the
network's output, a non-zero-preserving activation, ...) are left out, with the reason in
``Structure.skipped``.
"""
import operator

import torch
import torch.fx
import torch.nn as nn
import torch.nn.functional as F
from torch.fx.passes.shape_prop import ShapeProp

# f(0) == 0, channel-wise: a zeroed channel stays zero
_PASS_MODULES = (nn.ReLU, nn.ReLU6, nn.LeakyReLU, nn.ELU, nn.SiLU, nn.GELU, nn.Tanh, nn.Hardswish,
                 nn.Mish, nn.Dropout, nn.Dropout2d, nn.Identity, nn.MaxPool2d, nn.AvgPool2d,
                 nn.AdaptiveAvgPool2d, nn.AdaptiveMaxPool2d)
_PASS_FUNCTIONS = {F.relu, torch.relu, F.relu6, F.leaky_relu, F.elu, F.silu, F.gelu, torch.tanh,
                   F.hardswish, F.dropout, F.max_pool2d, F.avg_pool2d, F.adaptive_avg_pool2d,
                   F.adaptive_max_pool2d}
_PASS_METHODS = {"relu", "relu_", "tanh", "contiguous", "clone"}
_FLATTEN_METHODS = {"flatten", "view", "reshape"}


class Group:
    """One prunable set of coupled output channels."""

    def __init__(self, index, members, channels):
        self.index = index
        self.members = members          # conv module names, in graph order
        self.channels = channels
        self.points = []                # module names whose outputs are masked
        self.name = "+".join(members)

    def ids(self):
        return [f"{self.name}:{c}" for c in range(self.channels)]


class Structure:
    """The groups of a traced model, the consumers to slice and each layer's traced shapes."""

    def __init__(self, model, example):
        self.model = model
        self.gm = torch.fx.symbolic_trace(model)
        ShapeProp(self.gm).propagate(example)
        self.modules = dict(self.gm.named_modules())
        self.skipped = {}
        self._analyse()

    # --- analysis -----------------------------------------------------------------------------
    def _analyse(self):
        parent = {}

        def find(g):
            while parent[g] != g:
                parent[g] = parent[parent[g]]
                g = parent[g]
            return g

        bad = {}
        src = {}        # node -> raw group of its channel dimension (4D tensors)
        flat = {}       # node -> (raw group, spatial size) of a flattened (N, C*S) tensor
        conv_out, conv_in, bn_of, linear_in = {}, {}, {}, {}
        calls = {}
        convs = []

        def spoil(g, why):
            if g is not None:
                bad.setdefault(find(g), why)

        def tensors(node):
            return [a for a in node.all_input_nodes if a in src or a in flat]

        for node in self.gm.graph.nodes:
            mod = self.modules.get(node.target) if node.op == "call_module" else None
            if mod is not None:
                calls[node.target] = calls.get(node.target, 0) + 1
            ins = tensors(node)
            first = node.args[0] if node.args and isinstance(node.args[0], torch.fx.Node) else None
            if isinstance(mod, nn.Conv2d):
                g_in = src.get(first)
                if g_in is not None:
                    if mod.groups != 1:
                        spoil(g_in, f"feeds the grouped conv '{node.target}'")
                    conv_in[node.target] = g_in
                if mod.groups == 1:
                    g = len(parent)
                    parent[g] = g
                    convs.append((g, node.target, mod.out_channels))
                    conv_out[node.target] = g
                    src[node] = g
                continue
            if isinstance(mod, nn.BatchNorm2d) and first in src:
                g = src[first]
                if first.op == "call_module" and first.target in conv_out and len(first.users) == 1:
                    bn_of[first.target] = node.target          # the conv's output point
                else:  # its shift would make a zeroed channel non-zero: masking != removing
                    spoil(g, f"feed the BatchNorm2d '{node.target}' through other operations")
                src[node] = g
                continue
            if isinstance(mod, nn.Linear) and first in flat:
                linear_in[node.target] = flat[first]
                continue
            if not ins:
                continue
            passthrough = (isinstance(mod, _PASS_MODULES)
                           or (node.op == "call_function" and node.target in _PASS_FUNCTIONS)
                           or (node.op == "call_method" and node.target in _PASS_METHODS)
                           or (node.op == "call_function" and node.target in (operator.mul, operator.truediv,
                                                                               torch.mul)
                               and len(ins) == 1 and not any(isinstance(a, torch.fx.Node) and a not in ins
                                                             for a in node.args)))
            if node.op == "call_method" and node.target == "size":
                continue
            if passthrough and len(ins) == 1:
                if ins[0] in src and self._shape(node) is not None and len(self._shape(node)) == 4:
                    src[node] = src[ins[0]]
                    continue
                if ins[0] in flat:
                    flat[node] = flat[ins[0]]
                    continue
            if self._is_flatten(node) and len(ins) == 1 and ins[0] in src:
                shape_in, shape_out = self._shape(ins[0]), self._shape(node)
                if shape_out is not None and len(shape_out) == 2 and shape_out[0] == shape_in[0]:
                    flat[node] = (src[ins[0]], shape_in[2] * shape_in[3])
                    continue
            if self._is_channel_mean(node) and len(ins) == 1 and ins[0] in src:
                flat[node] = (src[ins[0]], 1)
                continue
            if (node.op == "call_function" and node.target in (operator.add, torch.add)
                    or node.op == "call_method" and node.target in ("add", "add_")):
                nodes = [a for a in node.args if isinstance(a, torch.fx.Node)]
                if len(nodes) == 2 and all(a in src for a in nodes):
                    a, b = find(src[nodes[0]]), find(src[nodes[1]])
                    if a != b:
                        parent[b] = a
                        if b in bad:
                            bad.setdefault(a, bad[b])
                    src[node] = a
                    continue
            why = f"reach '{node.name}' ({node.op} {getattr(node.target, '__name__', node.target)})"
            for a in ins:
                spoil(src.get(a, flat.get(a, (None,))[0]), why)
        for t, n in calls.items():
            if n > 1 and t in conv_out:
                spoil(conv_out[t], f"come from '{t}', called {n} times")
        roots = {}
        for g, name, ch in convs:
            roots.setdefault(find(g), []).append((name, ch))
        self.groups = []
        self.group_of = {}
        for r, members in roots.items():
            names = [m for m, _ in members]
            if find(r) in bad:
                self.skipped["+".join(names)] = bad[find(r)]
                continue
            grp = Group(len(self.groups), names, members[0][1])
            grp.points = [bn_of.get(m, m) for m in names]
            self.groups.append(grp)
            self.group_of[r] = grp
        resolve = lambda g: self.group_of.get(find(g))           # noqa: E731
        self.conv_out = {m: resolve(g) for m, g in conv_out.items() if resolve(g)}
        self.conv_in = {m: resolve(g) for m, g in conv_in.items() if resolve(g)}
        self.bn_of = {c: b for c, b in bn_of.items() if c in self.conv_out}
        self.linear_in = {m: (resolve(g), s) for m, (g, s) in linear_in.items() if resolve(g)}

    def _shape(self, node):
        meta = node.meta.get("tensor_meta")
        return tuple(meta.shape) if meta is not None and hasattr(meta, "shape") else None

    def _is_flatten(self, node):
        return (node.op == "call_function" and node.target in (torch.flatten, torch.reshape)
                or node.op == "call_method" and node.target in _FLATTEN_METHODS
                or node.op == "call_module" and isinstance(self.modules.get(node.target), nn.Flatten))

    def _is_channel_mean(self, node):
        if node.op != "call_method" or node.target != "mean":
            return False
        dims = node.args[1] if len(node.args) > 1 else node.kwargs.get("dim")
        shape = self._shape(node)
        return (isinstance(dims, (tuple, list)) and sorted(d % 4 for d in dims) == [2, 3]
                and shape is not None and len(shape) == 2)

    # --- units --------------------------------------------------------------------------------
    def unit_ids(self):
        return [u for g in self.groups for u in g.ids()]

    def out_shape(self, module_name):
        """The traced output shape of a module's (first) call."""
        for node in self.gm.graph.nodes:
            if node.op == "call_module" and node.target == module_name:
                return self._shape(node)
        raise KeyError(module_name)

    def masks_from_bits(self, bits):
        """Splits one flat 0/1 sequence (in unit order) into a (C,) float tensor per group."""
        n = sum(g.channels for g in self.groups)
        if len(bits) != n:
            raise ValueError(f"a mask has {len(bits)} flags but the network has {n} units")
        out, at = [], 0
        for g in self.groups:
            out.append(torch.tensor([float(b) for b in bits[at:at + g.channels]]))
            at += g.channels
        return out


class Masked:
    """Multiplies each group's output points by its mask while active (a context manager).

    ``masks[i]`` is group i's mask, broadcastable to the output points' ``(N, C, H, W)``: a (C,)
    0/1 vector, or a (N, C, 1, 1) leaf whose gradient gives per-sample ∂L/∂m.
    """

    def __init__(self, structure, masks, taps=None):
        self.structure = structure
        self.masks = masks
        self.taps = taps               # when a list per group: receives each group's masked output sum
        self.handles = []

    def __enter__(self):
        mods = dict(self.structure.model.named_modules())
        for g, m in zip(self.structure.groups, self.masks):
            shaped = m.view(1, -1, 1, 1) if m.dim() == 1 else m
            for p in g.points:
                self.handles.append(mods[p].register_forward_hook(self._hook(g.index, shaped)))
        return self

    def _hook(self, gi, m):
        def f(module, inputs, output):
            out = output * m
            if self.taps is not None:
                self.taps[gi] = out if self.taps[gi] is None else self.taps[gi] + out
            return out
        return f

    def __exit__(self, *exc):
        for h in self.handles:
            h.remove()
        self.handles = []
        return False
