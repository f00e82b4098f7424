"""Trains the demo CNN (qprune_torch.fmnist.DemoCNN) on Fashion-MNIST, seeded, and saves its state dict.

``PYTHONPATH=python /usr/bin/python3 -m qprune_torch.train_demo --out runs/torch/cnn.pt``
(``--epochs 3 --threads 2 --seed 0``). Prints the loss as it goes and the validation and test
accuracy at the end; the file is written to a temporary name and then moved.
"""
import argparse
import json
import os
import time

import torch

from . import fmnist


def accuracy(model, x, y, batch=1000):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            correct += (model(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item()
    return correct / len(x)


def main(argv=None):
    p = argparse.ArgumentParser(prog="qprune_torch.train_demo", description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True, help="where the state dict goes (.pt)")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--width", type=int, default=16, help="channels of the first conv (then 2x, 4x)")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    x, y = fmnist.split("train")
    model = fmnist.DemoCNN(a.width)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    steps = a.epochs * ((len(x) + a.batch - 1) // a.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=a.lr, total_steps=steps)
    gen = torch.Generator().manual_seed(a.seed)
    t0 = time.time()
    for epoch in range(a.epochs):
        model.train()
        order = torch.randperm(len(x), generator=gen)
        total, seen = 0.0, 0
        for b, i in enumerate(range(0, len(x), a.batch)):
            idx = order[i:i + a.batch]
            loss = torch.nn.functional.cross_entropy(model(x[idx]), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
            seen += len(idx)
            if b % 100 == 0:
                print(f"epoch {epoch + 1}/{a.epochs} batch {b}: loss {total / seen:.4f} "
                      f"({time.time() - t0:.0f} s)", flush=True)
    vx, vy = fmnist.split("validation")
    tx, ty = fmnist.split("test")
    state = model.state_dict()
    state["_width"] = torch.tensor(a.width)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    tmp = a.out + ".tmp"
    torch.save(state, tmp)
    os.replace(tmp, a.out)
    info = {"epochs": a.epochs, "seed": a.seed, "threads": a.threads, "seconds": round(time.time() - t0, 1),
            "validation_accuracy": accuracy(model, vx, vy), "test_accuracy": accuracy(model, tx, ty),
            "params": sum(t.numel() for t in model.parameters())}
    print(json.dumps(info), flush=True)


if __name__ == "__main__":
    main()
