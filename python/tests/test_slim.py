import json
import os
import tempfile
import unittest

import torch

import tiny
from qprune_torch import cost, fmnist, slim
from qprune_torch.graph import Structure


class SlimTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        self.model = tiny.randomise_bn(fmnist.DemoCNN(width=4))
        self.x = torch.randn(5, 1, 28, 28)
        self.st = Structure(self.model, self.x[:1])
        self.n = len(self.st.unit_ids())

    def random_bits(self, seed):
        g = torch.Generator().manual_seed(seed)
        bits = (torch.rand(self.n, generator=g) < 0.6).long().tolist()
        at = 0
        for grp in self.st.groups:            # at least one channel per group
            bits[at] = 1
            at += grp.channels
        return bits

    def test_slimming_equals_masking_and_really_removes_channels(self):
        for seed in range(3):
            bits = self.random_bits(seed)
            small = slim.slim(self.model, self.st, bits).eval()
            want = slim.masked_outputs(self.model, self.st, bits, self.x)
            with torch.no_grad():
                got = small(self.x)
            torch.testing.assert_close(got, want, atol=1e-5, rtol=1e-5)
            k = sum(bits[4:12])
            self.assertEqual(small.conv2.out_channels, k)
            self.assertEqual(small.block_conv2.out_channels, k)
            self.assertEqual(small.block_bn2.num_features, k)
            self.assertEqual(small.conv3.in_channels, k)
            self.assertEqual(small.fc.in_features, sum(bits[20:]))
        unmasked = slim.masked_outputs(self.model, self.st, [1] * self.n, self.x)
        self.assertFalse(torch.allclose(unmasked, want))

    def test_cost_model_equals_the_counted_cost_of_the_slimmed_network(self):
        c = cost.model_cost(self.st, self.x[:1])
        ids = self.st.unit_ids()
        full_flops, full_params = cost.count(self.model, self.x[:1])
        self.assertAlmostEqual(cost.evaluate(c["flops"], dict.fromkeys(ids, 1)), full_flops, places=3)
        self.assertAlmostEqual(cost.evaluate(c["params"], dict.fromkeys(ids, 1)), full_params, places=3)
        for seed in range(3):
            bits = self.random_bits(seed)
            f, p = cost.count(slim.slim(self.model, self.st, bits), self.x[:1])
            kept = dict(zip(ids, bits))
            self.assertAlmostEqual(cost.evaluate(c["flops"], kept), f, places=3)
            self.assertAlmostEqual(cost.evaluate(c["params"], kept), p, places=3)
        self.assertTrue(all(a != b for a, b, _ in c["flops"]["pairwise"]))

    def test_mask_file_must_match_the_network(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "mask.json")
            with open(path, "w") as f:
                json.dump({"unit_ids": self.st.unit_ids()[:-1], "kept": [1] * (self.n - 1)}, f)
            with self.assertRaisesRegex(ValueError, "not this network's 36"):
                slim.read_mask(path, self.st)
            with open(path, "w") as f:
                json.dump({"unit_ids": self.st.unit_ids(), "kept": [1] * (self.n - 1) + [2]}, f)
            with self.assertRaisesRegex(ValueError, r"kept\[35\] \('conv3:15'\) is 2"):
                slim.read_mask(path, self.st)
        with self.assertRaisesRegex(ValueError, "keeps no channel of 'conv1'"):
            slim.slim(self.model, self.st, [0] * 4 + [1] * (self.n - 4))


if __name__ == "__main__":
    unittest.main()
