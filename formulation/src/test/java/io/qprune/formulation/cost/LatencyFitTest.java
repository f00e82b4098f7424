package io.qprune.formulation.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.ResNetSpec;
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
    double[] w = Nnls.solve(a, b);
    for (int i = 0; i < 5; i++) {
      assertThat(w[i]).isCloseTo(truth[i], within(1e-6));
    }
    for (int s = 0; s < a.length; s++) {
      b[s] -= 3 * a[s][1]; // the least-squares weight of column 1 is now -3: NNLS keeps it at 0
    }
    double[] clipped = Nnls.solve(a, b);
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
      List<Mask> masks = FitMasks.sample(m, 48, 5);
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
      LatencyFit fit = LatencyFit.fit(LatencySubject.of(m, 16), LatencyCosts.key(m, 1, 16, 1), masks, ms);
      assertThat(fit.holdoutRelRms()).isLessThan(1e-4);
      MaskCost c = fit.cost(m);
      for (Mask k : FitMasks.sample(m, 10, 99)) {
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
  }

  @Test
  void aDnCnnFitHasItsOwnShapeCountsFlopsAndIsMeasuredOnItsExportedNetworks() {
    ModelSpec spec = new ModelSpec(Architecture.DNCNN, 8, 4, ColorMode.GREY);
    try (Denoiser d = Denoiser.create(spec, 3)) {
      LatencySubject subject = LatencySubject.of(d, 16);
      QuadraticCost flops = NetworkCosts.dnCnn(spec, CostKind.FLOPS);
      Random r = new Random(7);
      double[] truth = new double[2 * (spec.depth() - 1)];
      for (int i = 0; i < truth.length; i++) {
        truth[i] = r.nextDouble();
      }
      MaskCost known = subject.cost(truth);
      List<Mask> masks = subject.sample(30, 5);
      for (Mask k : masks) {
        double[] f = subject.features(k.toKeep());
        assertThat(dot(f, truth)).isCloseTo(known.value(k), within(1e-9));
        assertThat(d.cost(k).flopsPerPixel()).isCloseTo(flops.value(k), within(1e-6 * flops.value(k)));
      }
      LatencyFit exact = LatencyFit.fit(subject, subject.key(1, 1), masks,
          masks.stream().mapToDouble(known::value).toArray());
      assertThat(exact.holdoutRelRms()).isLessThan(1e-4);
      LatencyFit measured = LatencyFit.forModel(d, dir.resolve("dncnn.json"), 1, 16, 12, 1, false, false);
      assertThat(measured.cost(d).total()).isPositive();
      assertThat(measured.cost(d).size()).isEqualTo(d.units().size());
    }
  }

  @Test
  void learningFromMasksFixesTheFitAroundThemAndKeepsTheSamplesInItsFile() throws Exception {
    try (Denoiser m = Denoiser.create(TINY, 3)) {
      Random r = new Random(6);
      double[] a = new double[2 * (2 * TINY.depth() + 2) + 3];
      for (int i = 0; i < a.length; i++) {
        a[i] = 0.2 + r.nextDouble();
      }
      double[] b = a.clone();
      b[1] += 3; // where the searches go, every kept unit of the first layer costs more than the random masks say
      HalfUNetCost truthA = new HalfUNetCost(TINY, "latency", HalfUNetCost.Weights.of(a));
      HalfUNetCost truthB = new HalfUNetCost(TINY, "latency", HalfUNetCost.Weights.of(b));
      List<Mask> random = FitMasks.sample(m, 24, 5);
      LatencyFit fit = LatencyFit.fit(LatencySubject.of(m, 16), LatencyCosts.key(m, 1, 16, 1), random,
          random.stream().mapToDouble(k -> truthA.value(k.toKeep())).toArray());
      List<Mask> chosen = FitMasks.sample(m, 4, 77).subList(1, 4);
      List<Mask> learned = FitMasks.neighbourhood(LatencySubject.of(m, 16).layers(), chosen, 6, 1);
      assertThat(learned).hasSize(21).startsWith(chosen.get(0));
      int u = TINY.channels() / 2;
      for (int i = 0; i < learned.size(); i++) {
        boolean[] x = learned.get(i).toKeep();
        boolean[] origin = chosen.get(i / 7).toKeep();
        int diff = 0;
        for (int j = 0; j < x.length; j++) {
          diff += x[j] != origin[j] ? 1 : 0;
        }
        assertThat(diff).isBetween(i % 7 == 0 ? 0 : 1, i % 7 == 0 ? 0 : 3);
        for (int layer = 0; layer < x.length / u; layer++) {
          final int at = layer;
          assertThat(java.util.stream.IntStream.range(at * u, at * u + u).anyMatch(j -> x[j])).isTrue();
        }
      }
      assertThat(FitMasks.neighbourhood(LatencySubject.of(m, 16).layers(), chosen, 6, 1)).isEqualTo(learned);
      LatencyFit next = fit.withSamples(LatencySubject.of(m, 16), learned, learned.stream().mapToDouble(k -> truthB.value(k.toKeep())).toArray());
      assertThat(next.learnedSamples()).isEqualTo(21);
      assertThat(fit.learnedSamples()).isZero();
      double before = 0;
      double after = 0;
      for (Mask k : FitMasks.neighbourhood(LatencySubject.of(m, 16).layers(), chosen, 6, 2)) { // other masks around the same ones
        double t = truthB.value(k.toKeep());
        before += Math.abs(fit.cost(m).value(k) - t) / t;
        after += Math.abs(next.cost(m).value(k) - t) / t;
      }
      assertThat(after).isLessThan(0.3 * before);
      Path file = dir.resolve("learned.json");
      next.save(file);
      LatencyFit back = LatencyFit.load(file);
      assertThat(back.learnedSamples()).isEqualTo(21);
      assertThat(back.cost(m).value(chosen.get(0))).isCloseTo(next.cost(m).value(chosen.get(0)), within(1e-9));
      assertThatThrownBy(() -> FitMasks.neighbourhood(LatencySubject.of(m, 16).layers(), List.of(Mask.all(5)), 1, 1))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("5 units");
    }
  }

  @Test
  void learnTimesTheMasksAndTheirNeighboursBesideTheUnprunedNetwork() {
    try (Denoiser m = Denoiser.create(TINY, 3)) {
      LatencyFit fit = LatencyFit.forModel(m, dir.resolve("fit.json"), 1, 16, 12, 1, false, false);
      Mask half = FitMasks.sample(m, 3, 8).get(2);
      LatencyFit.Learned l = fit.learn(m, List.of(half, half), 2, 1);
      assertThat(l.masks()).containsExactly(half); // duplicates once
      assertThat(l.measuredMs()[0]).isPositive();
      assertThat(l.fit().learnedSamples()).isEqualTo(3);
      assertThat(l.afterMs()[0]).isCloseTo(l.fit().cost(m).value(half), within(1e-9));
      assertThat(l.beforeMs()[0]).isCloseTo(fit.cost(m).value(half), within(1e-9));
    }
  }

  @Test
  void theResNetShapeCountsFlopsAndParamsAndAFitOfItPredictsUnseenMasks() {
    ResNetSpec spec = new ResNetSpec(8, 4, 1, 8, 3);
    try (Classifier m = Classifier.create(spec, 3, new float[] {0.5f}, new float[] {0.25f})) {
      LatencySubject subject = LatencySubject.of(m, 2);
      List<Mask> masks = subject.sample(40, 5);
      assertThat(masks.get(0).kept()).isEqualTo(m.channelUnits());
      QuadraticCost flops = NetworkCosts.of(spec, CostKind.FLOPS);
      QuadraticCost params = NetworkCosts.of(spec, CostKind.PARAMS);
      Random r = new Random(4);
      double[] truth = new double[subject.features(masks.get(0).toKeep()).length];
      for (int i = 0; i < truth.length; i++) {
        truth[i] = r.nextDouble();
      }
      MaskCost known = subject.cost(truth);
      for (Mask k : masks) {
        double[] f = subject.features(k.toKeep());
        assertThat(dot(f, truth)).isCloseTo(known.value(k), within(1e-9));
        try (var slim = m.cut(k)) { // the counted shape is the cut network's own count
          assertThat(flops.value(k)).isCloseTo(2.0 * slim.macs(), within(1e-6));
          assertThat(params.value(k)).isCloseTo(slim.params(), within(1e-6));
        }
        for (int[] layer : subject.layers()) {
          assertThat(java.util.stream.IntStream.range(layer[0], layer[1]).anyMatch(k::keeps)).isTrue();
        }
      }
      double[] ms = masks.stream().mapToDouble(known::value).toArray();
      LatencyFit fit = LatencyFit.fit(subject, subject.key(1, 1), masks, ms);
      assertThat(fit.holdoutRelRms()).isLessThan(1e-4);
      QuadraticCost c = fit.cost(m);
      for (Mask k : subject.sample(10, 99)) {
        assertThat(c.value(k)).isCloseTo(known.value(k), within(1e-3 * known.value(k)));
      }
    }
  }

  @Test
  void aClassifierFitIsMeasuredOnItsCutNetworksCachedAndNotMistakenForADenoisersFit() throws Exception {
    ResNetSpec spec = new ResNetSpec(8, 4, 1, 8, 3);
    Path file = dir.resolve("resnet-fit.json");
    try (Classifier m = Classifier.create(spec, 3, new float[] {0.5f}, new float[] {0.25f});
        Denoiser d = Denoiser.create(TINY, 3)) {
      LatencyFit a = LatencyFit.forClassifier(m, file, 1, 4, 12, 1, false, false);
      assertThat(a.key()).containsEntry("batch", "4").containsEntry("side", "8").containsEntry("samples", "12");
      assertThat(a.fullMs()).isPositive();
      QuadraticCost c = a.cost(m);
      assertThat(c.size()).isEqualTo(m.channelUnits());
      assertThat(c.total()).isPositive();
      String before = Files.readString(file);
      assertThat(LatencyFit.forClassifier(m, file, 1, 4, 12, 1, false, false).cost(m).total()).isEqualTo(c.total());
      assertThat(Files.readString(file)).isEqualTo(before);
      LatencyFit.forClassifier(m, file, 1, 2, 12, 1, false, false); // another batch: measured again
      assertThat(LatencyFit.load(file).key()).containsEntry("batch", "2");
      assertThatThrownBy(() -> a.cost(d)).isInstanceOf(InvalidInputException.class).hasMessageContaining("classifier");
      LatencyFit df = LatencyFit.forModel(d, dir.resolve("d.json"), 1, 16, 12, 1, false, false);
      assertThatThrownBy(() -> df.cost(m)).isInstanceOf(InvalidInputException.class).hasMessageContaining("denoiser");
      assertThatThrownBy(() -> LatencyFit.forClassifier(m, file, 1, 0, 12, 1, false, false))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("batch");
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
