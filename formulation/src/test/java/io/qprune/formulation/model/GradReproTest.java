package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GradReproTest {
  static float[] rnd(Random r, int len) {
    float[] a = new float[len];
    for (int i = 0; i < len; i++) a[i] = (float) r.nextGaussian();
    return a;
  }

  float[][] run(NDManager m, float[] w, float[] x, float[] y, int n, int c, int hw, int variant) { return run(m, w, x, y, n, c, hw, variant, 0, 0f); }
  float[][] run(NDManager m, float[] w, float[] x, float[] y, int n, int c, int hw, int variant, int bumpAt, float bump) {
    NDArray xs = m.create(x, new Shape(n, c, hw, hw));
    NDArray ys = m.create(y, new Shape(n, c, hw, hw));
    NDArray wt = m.create(w, new Shape(c, c, 3, 3));
    if (variant == 3) { wt.setRequiresGradient(true); variant = 2; }
    float[] mv = new float[n * c]; Arrays.fill(mv, 1f); if (bump != 0) mv[bumpAt] += bump;
    NDArray mask = m.create(mv, new Shape(n, c, 1, 1));
    mask.setRequiresGradient(true);
    NDArray out;
    try (GradientCollector gc = Torch.engine().newGradientCollector()) {
      NDArray h = Conv2d.conv2d(xs, wt, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow();
      if (variant == 1) h = Activation.relu(h);
      h = h.mul(mask);
      out = h;
      if (variant == 2) {
        NDArray h2 = Conv2d.conv2d(h, wt, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow();
        out = h2;
      }
      NDArray loss = out.sub(ys).square().reshape(n, -1).mean(new int[] {1}).sum();
      gc.backward(loss);
    }
    double l = 0; float[] o = out.toFloatArray(); for (int i = 0; i < o.length; i++) { double d = o[i] - y[i]; l += d * d; } l /= (o.length / n);
    return new float[][] {o, mask.getGradient().toFloatArray(), {(float) l}};
  }

  @Test
  void repro() {
    int c = 8, hw = 6;
    Random r = new Random(1);
    int per = c * hw * hw;
    float[] w = rnd(r, c * c * 9);
    float[] x2 = rnd(r, 2 * per);
    float[] y2 = rnd(r, 2 * per);
    try (NDManager m = Torch.engine().newBaseManager()) {
      for (int variant = 0; variant < 4; variant++) {
        float[][] b2 = run(m, w, x2, y2, 2, c, hw, variant);
        float[][] b1 = run(m, w, Arrays.copyOfRange(x2, per, 2 * per), Arrays.copyOfRange(y2, per, 2 * per), 1, c, hw, variant);
        double fd = 0;
        for (int i = 0; i < per; i++) fd = Math.max(fd, Math.abs(b2[0][per + i] - b1[0][i]));
        double gd = 0;
        for (int i = 0; i < c; i++) gd = Math.max(gd, Math.abs(b2[1][c + i] - b1[1][i]));
        System.out.println("REPRO variant " + variant + " fwd maxdiff " + fd + " grad maxdiff " + gd
            + " fd2=" + (run(m, w, x2, y2, 2, c, hw, variant, c, 0.01f)[2][0] - run(m, w, x2, y2, 2, c, hw, variant, c, -0.01f)[2][0]) / 0.02
            + " fd1=" + (run(m, w, Arrays.copyOfRange(x2, per, 2 * per), Arrays.copyOfRange(y2, per, 2 * per), 1, c, hw, variant, 0, 0.01f)[2][0] - run(m, w, Arrays.copyOfRange(x2, per, 2 * per), Arrays.copyOfRange(y2, per, 2 * per), 1, c, hw, variant, 0, -0.01f)[2][0]) / 0.02
            + " g2=" + Arrays.toString(Arrays.copyOfRange(b2[1], c, 2 * c)) + " g1=" + Arrays.toString(b1[1]));
      }
    }
  
  }

  @Test
  void inputGrad() {
    int c = 8, hw = 6;
    Random r = new Random(1);
    int per = c * hw * hw;
    float[] w = rnd(r, c * c * 9);
    float[] x2 = rnd(r, 2 * per);
    try (NDManager m = Torch.engine().newBaseManager()) {
      float[][] g = new float[2][];
      for (int n = 2; n >= 1; n--) {
        NDArray xs = m.create(n == 2 ? x2 : Arrays.copyOfRange(x2, per, 2 * per), new Shape(n, c, hw, hw));
        xs.setRequiresGradient(true);
        NDArray wt = m.create(w, new Shape(c, c, 3, 3));
        try (GradientCollector gc = Torch.engine().newGradientCollector()) {
          NDArray o = Conv2d.conv2d(xs, wt, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow();
          gc.backward(o.square().sum());
        }
        NDArray gr = xs.getGradient();
        System.out.println("REPRO2 n=" + n + " grad shape " + gr.getShape());
        g[n - 1] = gr.toFloatArray();
        float[] gsum = gr.sum(new int[] {2, 3}).toFloatArray();
        System.out.println("REPRO2 n=" + n + " sumHW " + Arrays.toString(Arrays.copyOfRange(gsum, (n - 1) * c, n * c)));
        double manual = 0; for (int i = 0; i < hw * hw; i++) manual += g[n - 1][(n - 1) * per + i];
        System.out.println("REPRO2 n=" + n + " manual sum ch0 " + manual);
      }
      double d = 0;
      for (int i = 0; i < per; i++) d = Math.max(d, Math.abs(g[1][per + i] - g[0][i]));
      System.out.println("REPRO2 input grad maxdiff " + d);
    }
  }
}
