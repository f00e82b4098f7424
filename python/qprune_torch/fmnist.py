"""The demo task: a small residual CNN on Fashion-MNIST (Debian's dataset-fashion-mnist).

Splits: ``train`` = the first 55 000 training images, ``validation`` = the last 5 000 (never
trained on; what refinement optimises), ``calibration`` = 512 seeded random ``train`` images,
``test`` = the 10 000 t10k images (only for reporting). The data folder is
``$QPRUNE_FASHION_MNIST`` or ``/usr/share/datasets/fashion-mnist``.
"""
import gzip
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DEFAULT_DIR = "/usr/share/datasets/fashion-mnist"
TRAIN = 55000
FILES = {"train": ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
         "t10k": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")}


class DemoCNN(nn.Module):
    """Conv-BN-ReLU stem, a residual block whose add couples two convs' channels, a head."""

    def __init__(self, width=16):
        super().__init__()
        w = width
        self.conv1 = nn.Conv2d(1, w, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(w)
        self.conv2 = nn.Conv2d(w, 2 * w, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(2 * w)
        self.block_conv1 = nn.Conv2d(2 * w, 2 * w, 3, padding=1, bias=False)
        self.block_bn1 = nn.BatchNorm2d(2 * w)
        self.block_conv2 = nn.Conv2d(2 * w, 2 * w, 3, padding=1, bias=False)
        self.block_bn2 = nn.BatchNorm2d(2 * w)
        self.conv3 = nn.Conv2d(2 * w, 4 * w, 3, padding=1, bias=False)
        self.bn3 = nn.BatchNorm2d(4 * w)
        self.fc = nn.Linear(4 * w, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)          # 14 x 14
        x = F.relu(self.bn2(self.conv2(x)))
        y = F.relu(self.block_bn1(self.block_conv1(x)))
        x = F.relu(x + self.block_bn2(self.block_conv2(y)))           # the residual add
        x = F.max_pool2d(x, 2)                                        # 7 x 7
        x = F.relu(self.bn3(self.conv3(x)))
        x = torch.flatten(F.adaptive_avg_pool2d(x, 1), 1)
        return self.fc(x)


def data_dir():
    return os.environ.get("QPRUNE_FASHION_MNIST", DEFAULT_DIR)


def _read_idx(path, offset):
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path} is missing: run scripts/setup-fashion-mnist.sh "
                                f"or set QPRUNE_FASHION_MNIST to a folder with the idx .gz files")
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def load(part):
    """Images (N, 1, 28, 28) float in [0, 1] normalised like training, and int64 labels."""
    img_file, lbl_file = FILES[part]
    x = _read_idx(os.path.join(data_dir(), img_file), 16).reshape(-1, 1, 28, 28)
    y = _read_idx(os.path.join(data_dir(), lbl_file), 8)
    x = (torch.from_numpy(x.astype(np.float32)) / 255.0 - 0.2860) / 0.3530
    return x, torch.from_numpy(y.astype(np.int64))


def split(name, seed=0):
    """One of train, validation, calibration, test as (x, y)."""
    if name == "test":
        return load("t10k")
    x, y = load("train")
    if name == "train":
        return x[:TRAIN], y[:TRAIN]
    if name == "validation":
        return x[TRAIN:], y[TRAIN:]
    if name == "calibration":
        idx = torch.randperm(TRAIN, generator=torch.Generator().manual_seed(seed))[:512]
        return x[idx], y[idx]
    raise ValueError(f"unknown split '{name}'; expected train, validation, calibration or test")


class Task:
    """The demo's model (loaded from a state dict), data splits and per-sample loss."""

    def __init__(self, weights):
        self.weights = weights

    def model(self):
        state = torch.load(self.weights, map_location="cpu")
        m = DemoCNN(width=state.pop("_width").item() if "_width" in state else 16)
        m.load_state_dict(state)
        return m.eval()

    def data(self, name):
        return split(name)

    def per_sample_loss(self, output, target):
        return F.cross_entropy(output, target, reduction="none")


def task(weights):
    return Task(weights)
