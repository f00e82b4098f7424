"""Tiny models and a task for the tests (random weights, random BN statistics, random data)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from qprune_torch import fmnist


def randomise_bn(model, seed=0):
    g = torch.Generator().manual_seed(seed)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean = torch.randn(m.num_features, generator=g) * 0.3
            m.running_var = torch.rand(m.num_features, generator=g) + 0.5
            m.weight.data = torch.rand(m.num_features, generator=g) + 0.5
            m.bias.data = torch.randn(m.num_features, generator=g) * 0.3
    return model.eval()


class Plain(nn.Module):
    """conv-BN-ReLU, conv (with bias) -ReLU, global pool, linear."""

    def __init__(self):
        super().__init__()
        self.a = nn.Conv2d(2, 4, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(4)
        self.b = nn.Conv2d(4, 3, 3, padding=1)
        self.fc = nn.Linear(3 * 4 * 4, 5)

    def forward(self, x):
        x = F.relu(self.bn(self.a(x)))
        x = F.relu(self.b(x))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 4), 1))


class Concat(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Conv2d(1, 3, 3, padding=1)
        self.b = nn.Conv2d(1, 3, 3, padding=1)
        self.c = nn.Conv2d(6, 2, 1)

    def forward(self, x):
        return self.c(torch.cat([self.a(x), self.b(x)], 1)).mean((2, 3))


class PreAct(nn.Module):
    """A BN after the residual add: the add's group cannot be pruned by masking."""

    def __init__(self):
        super().__init__()
        self.a = nn.Conv2d(1, 3, 3, padding=1)
        self.b = nn.Conv2d(3, 3, 3, padding=1)
        self.bn = nn.BatchNorm2d(3)
        self.fc = nn.Linear(3, 2)

    def forward(self, x):
        y = self.a(x)
        y = self.bn(y + self.b(y))
        return self.fc(y.mean((2, 3)))


class Task:
    def __init__(self, weights):
        self.weights = weights

    def model(self):
        m = fmnist.DemoCNN(width=4)
        m.load_state_dict(torch.load(self.weights))
        return m.eval()

    def data(self, split):
        g = torch.Generator().manual_seed({"calibration": 1, "validation": 2, "test": 3}[split])
        return torch.randn(40, 1, 28, 28, generator=g), torch.randint(0, 10, (40,), generator=g)

    def per_sample_loss(self, out, y):
        return F.cross_entropy(out, y, reduction="none")


def task(weights):
    return Task(weights)
