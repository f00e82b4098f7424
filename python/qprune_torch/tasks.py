"""Loads a user's task: ``--task MODULE[:FUNCTION]`` names a function called with ``--weights``.

It returns an object with ``model()`` (the trained ``nn.Module``), ``data(split)`` (``(x, y)``
tensors for ``calibration``, ``validation`` or ``test``) and ``per_sample_loss(output, target)``
(a ``(N,)`` tensor). ``qprune_torch.fmnist`` is the demo.
"""
import argparse
import importlib

import torch


def load(spec, weights):
    module, _, func = spec.partition(":")
    try:
        mod = importlib.import_module(module)
    except ImportError as e:
        raise SystemExit(f"--task {spec}: cannot import '{module}' ({e}); put it on PYTHONPATH")
    factory = getattr(mod, func or "task", None)
    if factory is None:
        raise SystemExit(f"--task {spec}: '{module}' has no function '{func or 'task'}'")
    return factory(weights)


def arguments(parser):
    """Adds --task, --weights and --threads to ``parser``."""
    parser.add_argument("--task", default="qprune_torch.fmnist",
                        help="MODULE[:FUNCTION] returning the task (default: %(default)s)")
    parser.add_argument("--weights", required=True, help="the trained weights the task loads")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default: %(default)s)")
    return parser


def from_args(a):
    torch.set_num_threads(a.threads)
    return load(a.task, a.weights)


def parser(prog, doc):
    return arguments(argparse.ArgumentParser(prog=prog, description=doc.strip().splitlines()[0]))
