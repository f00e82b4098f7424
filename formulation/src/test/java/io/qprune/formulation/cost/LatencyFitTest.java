package io.qprune.formulation.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyFitTest {
  private static final ModelSpec TINY = new ModelSpec(Architecture.HALF_UNET, 8, 2, ColorMode.GREY);
  @TempDir Path dir;

  @BeforeAll
  static void threads() {
    Torch.configure(1);
  }

  @Test
  void nnlsRecoversNonNegativeWeightsAndKeepsTheRestAtZero() {
    Random r = new Random(1);
    double[][] a = new double[40][5];
    double[] b = new double[40];
    double[] truth = {1, 0, 2, 0.5, 0};
    for (int s = 0; s < a.length; s++) {
      for (int i = 0; i < 5; i++) {
        a[s][i] = r.nextDouble();
        b[s] += a[s][i] * truth[i];
      }
    }
    double[] w = LatencyFit.nnls(a, b);
    for (int i = 0; i < 5; i++) {
      assertThat(w[i]).isCloseTo(truth[i], within(1e-6));
    }
    for (int s = 0; s < a.length; s++) {
      b[s] -= 3 * a[s][1]; // the least-squares weight of column 1 is now -3: NNLS keeps it at 0
    }
    double[] clipped = LatencyFit.nnls(a, b);
    assertThat(java.util.Arrays.stream(clipped).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    assertThat(clipped[1]).isZero();
  }

  @Test
  void theFeaturesTimesTheWeightsAreTheCostAndTheFormIsExactOneFlipAway() {
    Random r = new Random(2);
    int layers = 2 * TINY.depth() + 2;
    double[] unit = new double[layers];
    double[] pair = new double[layers];
    for (int k = 0; k < layers; k++) {
      unit[k] = r.nextDouble();
      pair[k] = k == 0 || k == 2 * TINY.depth() ? 0 : r.nextDouble();
    }
    HalfUNetCost.Weights w = new HalfUNetCost.Weights(0.7, unit, pair, 0.3, 0.9);
    HalfUNetCost cost = new HalfUNetCost(TINY, "latency", w);
    HalfUNetCost flops = new HalfUNetCost(TINY, CostKind.FLOPS);
    for (int t = 0; t < 30; t++) {
      boolean[] keep = new boolean[cost.size()];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = r.nextBoolean();
      }
      double[] f = HalfUNetCost.features(TINY, keep);
      assertThat(dot(f, w.vector())).isCloseTo(cost.value(keep), within(1e-9));
      assertThat(dot(f, flops.weights().vector())).isCloseTo(flops.value(keep), within(1e-9));
      QuadraticCost q = cost.around(keep);
      assertThat(q.value(keep)).isCloseTo(cost.value(keep), within(1e-9));
      for (int i = 0; i < keep.length; i++) {
        keep[i] = !keep[i];
        assertThat(q.value(keep)).as("mask %d flipped at %d", t, i).isCloseTo(cost.value(keep), within(1e-9));
        keep[i] = !keep[i];
      }
    }
    assertThat(HalfUNetCost.Weights.of(w.vector()).vector()).containsExactly(w.vector());
  }

  @Test
  void aFitOfTimesMadeByACostOfTheSameShapePredictsUnseenMasks() {
    try (Denoiser m = Denoiser.create(TINY, 3)) {
      List<Mask> masks = LatencyFit.sampleMasks(m, 48, 5);
      assertThat(masks.get(0).kept()).isEqualTo(masks.get(0).size());
      Set<Double> fusedWidths = new HashSet<>();
      masks.forEach(k -> {
        double[] f = HalfUNetCost.features(TINY, k.toKeep());
        fusedWidths.add(f[f.length - 1]);
      });
      assertThat(fusedWidths).hasSizeGreaterThan(2); // narrow and wide fused maps both occur
      Random r = new Random(4);
      double[] truth = new double[2 * (2 * TINY.depth() + 2) + 3];
      for (int i = 0; i < truth.length; i++) {
        truth[i] = r.nextDouble();
      }
      HalfUNetCost.Weights tw = HalfUNetCost.Weights.of(truth);
      HalfUNetCost known = new HalfUNetCost(TINY, "latency", tw);
      double[] ms = masks.stream().mapToDouble(k -> known.value(k.toKeep())).toArray();
      LatencyFit fit = LatencyFit.fit(m, LatencyCosts.key(m, 1, 16, 1), masks, ms);
      assertThat(fit.holdoutRelRms()).isLessThan(1e-4);
      MaskCost c = fit.cost(m);
      for (Mask k : LatencyFit.sampleMasks(m, 10, 99)) {
        assertThat(c.value(k)).isCloseTo(known.value(k.toKeep()), within(1e-3 * known.value(k.toKeep())));
      }
    }
  }

  @Test
  void measuresCachesAndReusesTheFitAndNamesABadFile() throws Exception {
    Path file = dir.resolve("sub").resolve("fit.json");
    try (Denoiser m = Denoiser.create(TINY, 3)) {
      LatencyFit a = LatencyFit.forModel(m, file, 1, 16, 12, 1, false, false);
      assertThat(file).exists();
      assertThat(a.fullMs()).isPositive();
      assertThat(a.key()).containsEntry("samples", "12").containsEntry("threads", "1");
      MaskCost c = a.cost(m);
      assertThat(c.total()).isPositive();
      String before = Files.readString(file);
      LatencyFit b = LatencyFit.forModel(m, file, 1, 16, 12, 1, false, false);
      assertThat(Files.readString(file)).isEqualTo(before); // read, not measured again
      assertThat(b.cost(m).total()).isEqualTo(c.total());
      LatencyFit.forModel(m, file, 1, 16, 16, 1, false, false); // another key: measured again
      assertThat(LatencyFit.load(file).key()).containsEntry("samples", "16");
      Files.writeString(file, "{\"key\": {}}");
      assertThatThrownBy(() -> LatencyFit.forModel(m, file, 1, 16, 12, 1, false, false))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining(file.toString());
      assertThatThrownBy(() -> LatencyFit.forModel(m, file, 1, 15, 12, 1, true, false))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("multiple of");
    }
    try (Denoiser d = Denoiser.create(new ModelSpec(Architecture.DNCNN, 8, 3, ColorMode.GREY), 3)) {
      assertThatThrownBy(() -> LatencyFit.forModel(d, file, 1, 16, 12, 1, true, false))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("Half-UNet only");
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
