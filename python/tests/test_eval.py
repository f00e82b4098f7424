import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

import torch

import tiny
from qprune_torch import fmnist
from qprune_torch.eval import Evaluator

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = os.path.dirname(HERE)


class EvalTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        self.model = tiny.randomise_bn(fmnist.DemoCNN(width=4))
        t = tiny.Task(None)
        x, y = t.data("validation")
        self.ev = Evaluator(self.model, x, y, t.per_sample_loss, "loss", batch=16)
        self.n = self.ev.hello()["units"]

    def test_a_batch_of_masks_gets_one_value_each_in_order(self):
        full = [1] * self.n
        fewer = [1] * self.n
        fewer[20:30] = [0] * 10
        r = self.ev.answer(json.dumps({"id": "a", "masks": [full, fewer, full]}))
        self.assertEqual(r["id"], "a")
        self.assertEqual(len(r["values"]), 3)
        self.assertEqual(r["values"][0], r["values"][2])
        self.assertNotEqual(r["values"][0], r["values"][1])
        self.assertEqual(r["values"][1], self.ev.value(fewer))

    def test_bad_masks_get_an_error_line(self):
        for req, msg in ((["x"], "masks[0] has str"), ([[1] * 3], "has 3 flags"),
                         ([[1] * (self.n - 1) + [2]], "is 2; flags are 0 or 1"),
                         ([[0] * 4 + [1] * (self.n - 4)], "keeps no channel of 'conv1'")):
            r = self.ev.answer(json.dumps({"id": 3, "masks": req}))
            self.assertEqual(r["id"], 3)
            self.assertIn(msg, r["error"])
        self.assertIn("not JSON", self.ev.answer("{oops")["error"])
        self.assertIn("'masks' list", self.ev.answer("[1]")["error"])

    def test_serve_says_hello_answers_each_line_and_stops_at_end_of_input(self):
        out = io.StringIO()
        self.ev.serve(io.StringIO(json.dumps({"id": 1, "masks": [[1] * self.n]}) + "\n\n"), out)
        lines = [json.loads(s) for s in out.getvalue().splitlines()]
        self.assertEqual(len(lines), 2)
        self.assertEqual(lines[0]["goal"], "min")
        self.assertEqual(lines[0]["unit_ids"][0], "conv1:0")
        self.assertEqual(lines[1]["id"], 1)

    def test_the_process_speaks_the_protocol(self):
        with tempfile.TemporaryDirectory() as d:
            w = os.path.join(d, "w.pt")
            torch.save(self.model.state_dict(), w)
            env = dict(os.environ, PYTHONPATH=PYTHON + os.pathsep + HERE)
            req = json.dumps({"id": 9, "masks": [[1] * self.n, [1] * self.n]}) + "\n"
            p = subprocess.run([sys.executable, "-m", "qprune_torch.eval", "--task", "tiny", "--weights", w,
                                "--samples", "20"], input=req, capture_output=True, text=True, env=env,
                               timeout=60)
            self.assertEqual(p.returncode, 0, p.stderr)
            hello, reply = [json.loads(s) for s in p.stdout.splitlines()]
            self.assertEqual((hello["units"], hello["samples"], hello["metric"]), (self.n, 20, "accuracy"))
            self.assertEqual(reply["id"], 9)
            self.assertEqual(len(reply["values"]), 2)
            self.assertTrue(0 <= reply["values"][0] <= 1)


if __name__ == "__main__":
    unittest.main()
