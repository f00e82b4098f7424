package io.qprune.formulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matrix form of the full-scale fusion equals interpolation plus addition. */
class FullScaleFusionTest {
  static {
    Torch.configure(1);
  }

  @Test
  void interpolationMatrixMatchesHandValues() {
    // 2 -> 4 samples: sources (d + 0.5) / 2 - 0.5 = 0 (clamped), 0.25, 0.75, 1.25 -> 1 (clamped)
    float[] a = FullScaleFusion.matrix(2, 4, false);
    assertThat(a).containsExactly(1f, 0f, 0.75f, 0.25f, 0.25f, 0.75f, 0f, 1f);
    float[] t = FullScaleFusion.matrix(2, 4, true);
    assertThat(t).containsExactly(1f, 0.75f, 0.25f, 0f, 0f, 0.25f, 0.75f, 1f);
  }

  /** Gradients through both forms agree, also with a single lower level (no stacking needed). */
  @Test
  void gradientsMatchInterpolation() {
    for (int levels : new int[] {2, 3}) {
      float[][] grads = new float[2][];
      for (int path = 0; path < 2; path++) {
        try (NDManager m = Torch.engine().newBaseManager()) {
          List<NDArray> maps = new ArrayList<>();
          for (int l = 0; l < levels; l++) {
            Shape shape = new Shape(1, 2, 16 >> l, 8 >> l);
            maps.add(m.create(ModelTestSupport.randomPixels((int) shape.size(), 5 + l), shape));
          }
          NDArray lower = maps.get(1);
          lower.setRequiresGradient(true);
          Shape full = maps.get(0).getShape();
          NDArray weights = m.create(ModelTestSupport.randomPixels((int) full.size(), 9), full);
          try (ai.djl.training.GradientCollector gc = Torch.engine().newGradientCollector()) {
            NDArray fused = maps.get(0);
            if (path == 0) {
              for (NDArray f : maps.subList(1, levels)) {
                fused = fused.add(f.getNDArrayInternal().interpolation(new long[] {16, 8}, 1, false));
              }
            } else {
              fused = FullScaleFusion.fuse(maps);
            }
            gc.backward(fused.mul(weights).sum());
          }
          grads[path] = lower.getGradient().toFloatArray();
        }
      }
      assertThat(grads[1]).as("%d levels", levels).containsExactly(grads[0], within(1e-5f));
    }
  }

  @Test
  void matrixFormEqualsInterpolationOnSquareAndOblongMaps() {
    for (long[] size : new long[][] {{64, 64}, {48, 80}, {16, 32}}) {
      try (NDManager m = Torch.engine().newBaseManager()) {
        List<NDArray> levels = new ArrayList<>();
        NDArray expected = null;
        for (int l = 0; l < 4; l++) {
          long h = size[0] >> l;
          long w = size[1] >> l;
          Shape shape = new Shape(2, 3, h, w);
          NDArray f = m.create(ModelTestSupport.randomPixels((int) shape.size(), 11 + l), shape);
          levels.add(f);
          NDArray up = l == 0 ? f : f.getNDArrayInternal().interpolation(size, 1, false);
          expected = expected == null ? up : expected.add(up);
        }
        NDArray fused = FullScaleFusion.fuse(levels);
        assertThat(fused.getShape()).isEqualTo(expected.getShape());
        float diff = fused.sub(expected).abs().max().getFloat();
        assertThat(diff).as("size %dx%d", size[0], size[1]).isLessThan(1e-5f);
      }
    }
  }
}
