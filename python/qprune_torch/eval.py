"""The external evaluator ``qprune refine --evaluator`` talks to: masks in, metric values out.

A long-running process speaking line-delimited JSON. On start it writes one line::

    {"ready": true, "units": n, "unit_ids": [...], "metric": "accuracy", "goal": "max", "samples": m}

then, for every request line ``{"id": 7, "masks": [[1, 0, ...], ...]}`` (flags in unit order; one
line may carry several masks) one reply ``{"id": 7, "values": [v, ...]}``, or
``{"id": 7, "error": "..."}`` when a mask is bad (wrong length, a flag other than 0/1, a group
with nothing kept) or the line is not such an object. It exits on end of input. The metric is
the task's ``validation`` split (never test): ``accuracy`` (argmax, goal max) or ``loss`` (the
task's mean per-sample loss, goal min). Usage::

    python3 -m qprune_torch.eval --weights cnn.pt [--metric accuracy|loss] [--samples 2000]
"""
import json
import sys

import torch

from . import tasks
from .graph import Masked, Structure


class Evaluator:
    """Scores masks of one network on fixed data, by masking (no copy of the model per mask)."""

    def __init__(self, model, x, y, per_sample_loss, metric="accuracy", batch=1000):
        if metric not in ("accuracy", "loss"):
            raise ValueError(f"unknown metric '{metric}'; expected accuracy or loss")
        self.model = model.eval()
        self.x, self.y = x, y
        self.loss = per_sample_loss
        self.metric = metric
        self.batch = batch
        self.structure = Structure(model, x[:1])

    def hello(self):
        ids = self.structure.unit_ids()
        return {"ready": True, "units": len(ids), "unit_ids": ids, "metric": self.metric,
                "goal": "max" if self.metric == "accuracy" else "min", "samples": len(self.x)}

    def value(self, bits):
        masks = self.structure.masks_from_bits(bits)
        for g, m in zip(self.structure.groups, masks):
            if m.sum() == 0:
                raise ValueError(f"the mask keeps no channel of '{g.name}'")
        total = 0.0
        with torch.no_grad(), Masked(self.structure, masks):
            for i in range(0, len(self.x), self.batch):
                out = self.model(self.x[i:i + self.batch])
                yb = self.y[i:i + self.batch]
                total += ((out.argmax(1) == yb).sum() if self.metric == "accuracy"
                          else self.loss(out, yb).sum()).item()
        return total / len(self.x)

    def answer(self, line):
        """The reply object to one request line."""
        try:
            req = json.loads(line)
        except json.JSONDecodeError as e:
            return {"id": None, "error": f"not JSON ({e.msg} at column {e.colno})"}
        rid = req.get("id") if isinstance(req, dict) else None
        masks = req.get("masks") if isinstance(req, dict) else None
        if not isinstance(masks, list):
            return {"id": rid, "error": "expected an object with a 'masks' list of 0/1 lists"}
        n = self.hello()["units"]
        for k, m in enumerate(masks):
            if not isinstance(m, list) or len(m) != n:
                size = len(m) if isinstance(m, list) else type(m).__name__
                return {"id": rid, "error": f"masks[{k}] has {size} flags; this network has {n} units"}
            bad = next((i for i, b in enumerate(m) if b not in (0, 1) or isinstance(b, bool)), None)
            if bad is not None:
                return {"id": rid, "error": f"masks[{k}][{bad}] is {m[bad]!r}; flags are 0 or 1"}
        try:
            return {"id": rid, "values": [self.value(m) for m in masks]}
        except ValueError as e:
            return {"id": rid, "error": str(e)}

    def serve(self, inp, out):
        out.write(json.dumps(self.hello()) + "\n")
        out.flush()
        for line in inp:
            if line.strip():
                out.write(json.dumps(self.answer(line)) + "\n")
                out.flush()


def main(argv=None):
    p = tasks.parser("qprune_torch.eval", __doc__)
    p.add_argument("--metric", default="accuracy", choices=["accuracy", "loss"])
    p.add_argument("--samples", type=int, default=2000, help="validation samples used (default: %(default)s)")
    p.add_argument("--split", default="validation", help=argparse_help())
    a = p.parse_args(argv)
    task = tasks.from_args(a)
    x, y = task.data(a.split)
    ev = Evaluator(task.model(), x[:a.samples], y[:a.samples], task.per_sample_loss, a.metric)
    print(f"qprune_torch.eval: {ev.hello()['units']} units, {a.metric} on {len(ev.x)} {a.split} samples",
          file=sys.stderr, flush=True)
    ev.serve(sys.stdin, sys.stdout)


def argparse_help():
    return "the task's split to score on (default: %(default)s; keep test for the final report)"


if __name__ == "__main__":
    main()
