import unittest

import torch

from qprune_torch import fmnist
from qprune_torch.graph import Structure
import tiny


class GraphTest(unittest.TestCase):
    def test_residual_add_couples_its_convs_into_one_group(self):
        st = Structure(fmnist.DemoCNN(width=4).eval(), torch.zeros(1, 1, 28, 28))
        self.assertEqual([g.members for g in st.groups],
                         [["conv1"], ["conv2", "block_conv2"], ["block_conv1"], ["conv3"]])
        self.assertEqual(st.groups[1].points, ["bn2", "block_bn2"])
        self.assertEqual(st.groups[1].name, "conv2+block_conv2")
        self.assertEqual(st.unit_ids()[4:6], ["conv2+block_conv2:0", "conv2+block_conv2:1"])
        self.assertEqual(len(st.unit_ids()), 4 + 8 + 8 + 16)
        self.assertEqual(st.conv_in["block_conv1"].name, "conv2+block_conv2")
        self.assertEqual(st.conv_in["conv3"].name, "conv2+block_conv2")
        self.assertEqual(st.linear_in["fc"][1], 1)
        self.assertEqual(st.skipped, {})

    def test_concatenated_and_output_channels_are_not_prunable(self):
        st = Structure(tiny.Concat().eval(), torch.zeros(1, 1, 8, 8))
        self.assertEqual(st.groups, [])
        self.assertIn("cat", st.skipped["a"])
        self.assertIn("output", st.skipped["c"])

    def test_a_batch_norm_after_an_add_makes_the_group_unprunable(self):
        st = Structure(tiny.PreAct().eval(), torch.zeros(1, 1, 8, 8))
        self.assertEqual(st.groups, [])
        self.assertIn("BatchNorm2d 'bn'", st.skipped["a+b"])

    def test_flatten_records_the_spatial_size_for_the_linear_layer(self):
        st = Structure(tiny.Plain().eval(), torch.zeros(1, 2, 8, 8))
        self.assertEqual([g.name for g in st.groups], ["a", "b"])
        self.assertEqual(st.linear_in["fc"][1], 16)
        self.assertEqual(st.groups[0].points, ["bn"])
        self.assertEqual(st.groups[1].points, ["b"])


if __name__ == "__main__":
    unittest.main()
