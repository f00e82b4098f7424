import unittest

import numpy as np
import torch
import torch.nn.functional as F

import tiny
from qprune_torch import scores


class ScoresTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        self.model = tiny.randomise_bn(tiny.Plain())
        self.x = torch.randn(6, 2, 8, 8)
        self.y = torch.randint(0, 5, (6,))
        self.loss = lambda out, y: F.cross_entropy(out, y, reduction="none")

    def by_hand(self):
        """Per-sample dL_s/dm for each layer's mask, one sample at a time, with explicit multipliers."""
        m = self.model
        grads = {"a": [], "b": []}
        acts = {"a": [], "b": []}
        for s in range(len(self.x)):
            ma = torch.ones(4, requires_grad=True)
            mb = torch.ones(3, requires_grad=True)
            h = m.bn(m.a(self.x[s:s + 1])) * ma.view(1, -1, 1, 1)
            acts["a"].append(h.detach())
            h = m.b(F.relu(h)) * mb.view(1, -1, 1, 1)
            acts["b"].append(h.detach())
            out = m.fc(torch.flatten(F.adaptive_avg_pool2d(F.relu(h), 4), 1))
            ga, gb = torch.autograd.grad(self.loss(out, self.y[s:s + 1]).sum(), [ma, mb])
            grads["a"].append(ga)
            grads["b"].append(gb)
        return {k: torch.stack(v) for k, v in grads.items()}, acts

    def test_taylor_fisher_and_l1_match_autograd_by_hand(self):
        out, _ = scores.compute(self.model, self.x, self.y, self.loss, chunk=4)
        grads, _ = self.by_hand()
        units = {u["id"]: u for u in out["units"]}
        self.assertEqual(len(units), 7)
        for layer, conv in (("a", self.model.a), ("b", self.model.b)):
            g = grads[layer].double()
            for c in range(g.shape[1]):
                u = units[f"{layer}:{c}"]
                self.assertEqual(u["layer"], layer)
                self.assertAlmostEqual(u["taylor"], abs(g[:, c].mean().item()), places=6)
                self.assertAlmostEqual(u["fisher"], 0.5 * (g[:, c] ** 2).mean().item(), places=6)
                self.assertAlmostEqual(u["l1"], conv.weight[c].abs().sum().item(), places=5)
        self.assertGreater(max(u["taylor"] for u in units.values()), 0)

    def test_similarity_is_pearson_of_pooled_maps_clipped_at_zero(self):
        out, _ = scores.compute(self.model, self.x, self.y, self.loss, pooled=2)
        _, acts = self.by_hand()
        for layer, n in (("a", 4), ("b", 3)):
            pooled = torch.cat([F.adaptive_avg_pool2d(t, 2) for t in acts[layer]])   # N, C, 2, 2
            rows = pooled.transpose(0, 1).flatten(1).double().numpy()
            want = np.clip(np.corrcoef(rows), 0, 1)
            np.fill_diagonal(want, 1)
            got = np.array(out["similarity"][layer])
            self.assertEqual(got.shape, (n, n))
            np.testing.assert_allclose(got, want, atol=1e-6)
        self.assertEqual(out["info"]["samples"], 6)

    def test_a_dead_channel_is_similar_to_nothing(self):
        s = scores.pearson(torch.tensor([[1.0, 2, 3], [0, 0, 0], [2, 4, 7]]))
        self.assertEqual(s[1].tolist(), [0, 1, 0])
        self.assertGreater(s[0, 2].item(), 0.9)


if __name__ == "__main__":
    unittest.main()
