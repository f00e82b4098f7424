package io.qprune.formulation.evolve;

import io.qprune.formulation.model.WeightLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A pure-Java weight task: error = 1 − (Σ_kept w²·s_l) / (Σ_all w²·s_l), where layer l's
 * sensitivity s_l differs per layer (so per-layer thresholds matter), plus a penalty when a layer
 * keeps under 5 % of its weights. Test error = validation error + 0.001.
 */
final class SyntheticTask implements WeightTask {
  private final List<WeightLayer> layers = new ArrayList<>();
  private final float[][] w;
  private final double[] sensitivity;
  int evaluations;

  SyntheticTask(int[] sizes, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    w = new float[sizes.length][];
    sensitivity = new double[sizes.length];
    int offset = 0;
    for (int l = 0; l < sizes.length; l++) {
      layers.add(new WeightLayer("l" + l, l, sizes[l], offset));
      offset += sizes[l];
      w[l] = new float[sizes[l]];
      for (int i = 0; i < sizes[l]; i++) {
        w[l][i] = (float) (r.nextGaussian() * (1 + l));
      }
      sensitivity[l] = 1.0 / (1 + 3 * l * l);
    }
  }

  @Override
  public String describe() {
    return "synthetic";
  }

  @Override
  public List<WeightLayer> layers() {
    return layers;
  }

  @Override
  public float[] importance(int layer) {
    float[] out = w[layer].clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.abs(out[i]);
    }
    return out;
  }

  @Override
  public double[] errors(List<WeightMask> masks) {
    double[] e = new double[masks.size()];
    for (int k = 0; k < e.length; k++) {
      e[k] = error(masks.get(k));
      evaluations++;
    }
    return e;
  }

  double error(WeightMask m) {
    double kept = 0;
    double all = 0;
    double penalty = 0;
    int[] per = m.keptPerLayer();
    for (WeightLayer l : layers) {
      for (int i = 0; i < l.size(); i++) {
        double v = w[l.index()][i] * w[l.index()][i] * sensitivity[l.index()] / (1 + l.index());
        all += v;
        if (m.keeps(l.offset() + i)) {
          kept += v;
        }
      }
      if (per[l.index()] < 0.05 * l.size()) {
        penalty += 0.2;
      }
    }
    return Math.min(1, 1 - kept / all + penalty);
  }

  @Override
  public double testError(WeightMask mask) {
    return error(mask) + 0.001;
  }

  @Override
  public double errorReference() {
    return 1.0;
  }

  @Override
  public double defaultTolerance() {
    return 0.05;
  }

  @Override
  public String errorName() {
    return "synthetic error";
  }

  @Override
  public double metric(double error) {
    return 100 * (1 - error);
  }

  @Override
  public String metricName() {
    return "accuracy (%)";
  }

  @Override
  public void close() {}
}
