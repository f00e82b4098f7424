package io.qprune.formulation.cost;

import io.qprune.formulation.model.ResNetSpec;
import java.util.stream.IntStream;

/**
 * FLOPs or parameters of a filter-pruned ResNet classifier as an exact quadratic in its channel
 * mask (units in the order of {@code Classifier.channelLayers()}: per stage its residual stream,
 * then each block's first conv). A 3×3 conv from k_in kept channels to k_out kept channels at an
 * output side r costs 2·9·k_in·k_out·r² FLOPs and 9·k_in·k_out weights plus 2·k_out batch-norm
 * parameters; the classifier costs 2·classes·k FLOPs over the last stream's k kept channels and
 * classes·(k + 1) parameters. The stem reads the image's channels; a block's first conv reads its
 * stage's stream (the previous stage's in a stage's first block, at stride 2) and its second conv
 * makes the stage's stream. FLOPs are per image, pooling, additions, BN and ReLU not counted.
 */
final class ResNetCost {
  private ResNetCost() {}

  static QuadraticCost of(ResNetSpec spec, CostKind kind) {
    boolean flops = kind == CostKind.FLOPS;
    int blocks = spec.blocks();
    int n = 0;
    int[][] stream = new int[3][];
    int[][][] inner = new int[3][blocks][];
    for (int s = 0; s < 3; s++) {
      int c = spec.width() << s;
      stream[s] = IntStream.range(n, n + c).toArray();
      n += c;
      for (int b = 0; b < blocks; b++) {
        inner[s][b] = IntStream.range(n, n + c).toArray();
        n += c;
      }
    }
    CostTerms t = new CostTerms(kind.toString(), n);
    long side = spec.size();
    double conv = flops ? 2 * 9 * side * side : 9;
    for (int i : stream[0]) {
      t.linear(i, conv * spec.channels() + (flops ? 0 : 2));
    }
    for (int s = 0; s < 3; s++) {
      if (s > 0) {
        side = (side + 1) / 2;
        conv = flops ? 2 * 9 * side * side : 9;
      }
      for (int b = 0; b < blocks; b++) {
        t.pairs(s > 0 && b == 0 ? stream[s - 1] : stream[s], inner[s][b], conv);
        t.pairs(inner[s][b], stream[s], conv);
        if (!flops) {
          for (int i : inner[s][b]) {
            t.linear(i, 2);
          }
          for (int i : stream[s]) {
            t.linear(i, 2);
          }
        }
      }
    }
    for (int i : stream[2]) {
      t.linear(i, (flops ? 2 : 1) * spec.classes());
    }
    return t.constant(flops ? 0 : spec.classes()).build();
  }
}
