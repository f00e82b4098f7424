import json
import os
import subprocess
import sys
import tempfile
import unittest
from unittest import mock

import numpy as np
import torch

import tiny
from qprune_torch import cost, fmnist, latency
from qprune_torch.graph import Structure

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = os.path.dirname(HERE)


class LatencyTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        self.model = tiny.randomise_bn(fmnist.DemoCNN(width=4))
        self.x = torch.randn(3, 1, 28, 28)
        self.st = Structure(self.model, self.x[:1])
        self.flops = cost.model_cost(self.st, self.x[:1])["flops"]

    def test_masks_keep_a_channel_of_every_group_and_vary_the_widths(self):
        masks = latency.sample_masks(self.st, 20, 3)
        self.assertEqual(masks[0], [1] * len(self.st.unit_ids()))
        widths = set()
        for bits in masks:
            at = 0
            for g in self.st.groups:
                k = sum(bits[at:at + g.channels])
                self.assertGreaterEqual(k, 1)
                widths.add(k)
                at += g.channels
        self.assertGreater(len(widths), 2)
        self.assertEqual(masks, latency.sample_masks(self.st, 20, 3))  # seeded

    def test_the_fit_recovers_times_made_by_a_cost_of_the_same_shape(self):
        masks = latency.sample_masks(self.st, 40, 1)
        group, pair_blocks, of_pair = latency.blocks(self.st, self.flops)
        truth = np.random.default_rng(2).random(1 + len(self.st.groups) + len(pair_blocks))
        ms = [float(latency.features(self.st, self.flops, m, group, pair_blocks, of_pair) @ truth) for m in masks]
        field, fitted, holdout = latency.fit(self.st, self.flops, masks, ms)
        self.assertLess(holdout, 1e-4)
        self.assertLess(fitted, 1e-4)
        ids = self.st.unit_ids()
        for bits, want in zip(masks, ms):
            got = cost.evaluate(field, dict(zip(ids, bits)))
            self.assertAlmostEqual(got, want, delta=1e-4 * want)
        self.assertTrue(all(w >= 0 for w in field["linear"].values()))
        self.assertEqual([p[:2] for p in field["pairwise"]], [p[:2] for p in self.flops["pairwise"]])

    def test_nnls_keeps_weights_non_negative(self):
        rng = np.random.default_rng(4)
        a = rng.random((30, 3))
        b = a @ np.array([1.0, 0.0, 2.0]) - 3 * a[:, 1]
        w = latency.nnls(a, b)
        self.assertTrue((w >= 0).all())
        self.assertEqual(w[1], 0.0)

    def test_the_unpruned_network_is_timed_first_in_the_middle_and_last(self):
        masks = latency.sample_masks(self.st, 5, 3)
        seen = []

        def rounds(model, structure, timed, x, repeats):
            seen.extend(timed)
            return [[float(i)] * repeats for i in range(len(timed))]

        with mock.patch.object(latency, "time_rounds", rounds):
            got = latency.time_masks(self.model, self.st, masks, self.x[:1], 2)
        self.assertEqual(len(seen), 7)
        for at in (0, 3, 6):
            self.assertEqual(seen[at], masks[0])
        self.assertEqual([seen[i] for i in (1, 2, 4, 5)], masks[1:])
        # the unpruned network's median over all its rounds (0, 0, 3, 3, 6, 6), then each mask's own
        self.assertEqual(got, [3.0, 1.0, 2.0, 4.0, 5.0])

    def test_the_process_writes_a_latency_field_beside_the_flops(self):
        with tempfile.TemporaryDirectory() as d:
            w = os.path.join(d, "w.pt")
            torch.save(self.model.state_dict(), w)
            c = os.path.join(d, "cost.json")
            with open(c, "w") as f:
                json.dump(cost.model_cost(self.st, self.x[:1]), f)
            out = os.path.join(d, "out", "cost-latency.json")
            env = dict(os.environ, PYTHONPATH=PYTHON + os.pathsep + HERE)
            p = subprocess.run([sys.executable, "-m", "qprune_torch.latency", "--task", "tiny", "--weights", w,
                                "--cost", c, "--out", out, "--samples", "8", "--repeats", "1"],
                               capture_output=True, text=True, env=env, timeout=120)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("held out", p.stdout)
            with open(out) as f:
                got = json.load(f)
            self.assertEqual(sorted(got), ["flops", "latency", "params"])
            self.assertEqual(sorted(got["latency"]["linear"]), sorted(self.st.unit_ids()))
            all_kept = {u: 1 for u in self.st.unit_ids()}
            self.assertGreater(cost.evaluate(got["latency"], all_kept), 0)
            with open(c, "w") as f:
                json.dump({"params": {}}, f)
            bad = subprocess.run([sys.executable, "-m", "qprune_torch.latency", "--task", "tiny", "--weights", w,
                                  "--cost", c, "--out", out, "--samples", "8"],
                                 capture_output=True, text=True, env=env, timeout=120)
            self.assertNotEqual(bad.returncode, 0)
            self.assertIn("no 'flops' field", bad.stderr)


if __name__ == "__main__":
    unittest.main()
