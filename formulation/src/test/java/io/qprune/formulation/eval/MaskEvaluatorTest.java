package io.qprune.formulation.eval;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelTestSupport;
import io.qprune.formulation.model.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The evaluator's folded inference scores masks as the regular masked forward pass does. */
class MaskEvaluatorTest {
  static {
    Torch.configure(1);
  }

  private static List<NoisyPair> crops(int n, int size) {
    List<NoisyPair> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      float[] px = new float[size * size];
      for (int i = 0; i < px.length; i++) {
        px[i] = (float) (128 + 90 * Math.sin(i * 0.07 + k) * Math.cos(i * 0.013 * (k + 1)));
      }
      Image clean = Image.of(1, size, size, px);
      out.add(new NoisyPair("c" + k, clean, new GaussianNoise(25).apply(clean, Noise.rngFor(k, "c"))));
    }
    return out;
  }

  /** The evaluator's original scoring: mask arrays multiplied in after each BN+ReLU. */
  private static double[] regularPsnr(Denoiser m, List<NoisyPair> pairs, Mask mask) {
    int per = pairs.get(0).clean().size();
    float[] n = new float[pairs.size() * per];
    float[] c = new float[pairs.size() * per];
    for (int i = 0; i < pairs.size(); i++) {
      pairs.get(i).noisy().copyTo(n, i * per);
      pairs.get(i).clean().copyTo(c, i * per);
    }
    Image first = pairs.get(0).clean();
    Shape shape = new Shape(pairs.size(), 1, first.height(), first.width());
    try (NDManager sub = m.manager().newSubManager()) {
      NDArray out = m.denoise(sub.create(n, shape).div(255f), m.maskArrays(mask, sub), false, null)
          .mul(255f).clip(0f, 255f);
      float[] mse = out.sub(sub.create(c, shape)).square().reshape(pairs.size(), -1)
          .mean(new int[] {1}).toFloatArray();
      double[] psnr = new double[mse.length];
      for (int i = 0; i < mse.length; i++) {
        psnr[i] = Psnr.fromMse(mse[i]);
      }
      return psnr;
    }
  }

  @Test
  void psnrAgreesWithTheRegularMaskedPassForBothArchitectures() {
    List<NoisyPair> pairs = crops(3, 32);
    for (Denoiser m : List.of(ModelTestSupport.halfUNet(8, 3), ModelTestSupport.dncnn(6, 4))) {
      ModelTestSupport.randomizeNormsAndBiases(m, 13);
      try (m; MaskEvaluator ev = new MaskEvaluator(m, pairs)) {
        int n = m.units().size();
        SplittableRandom r = new SplittableRandom(4);
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
          keep[i] = r.nextDouble() >= 0.36;
        }
        keep[n - 1] = true;
        Mask noFirstLayer = Mask.all(n);
        for (int j = 0; j < m.layers().get(0).units(); j++) {
          noFirstLayer = noFirstLayer.with(j, false);
        }
        for (Mask mask : List.of(Mask.all(n), Mask.of(keep), noFirstLayer)) {
          double[] expected = regularPsnr(m, pairs, mask);
          double[] actual = ev.psnrPerCrop(mask);
          double mean = 0;
          for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s %s crop %d", m.spec().architecture(), mask, i)
                .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-3));
            mean += expected[i] / expected.length;
          }
          assertThat(ev.psnr(mask)).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-3));
        }
      }
    }
  }
}
