package io.qprune.formulation.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latency table: cached by key, interpolated, and fitted exactly by the quadratic form. */
class LatencyCostsTest {
  @TempDir Path dir;

  /** A table whose every layer is exactly the bilinear 0.5 + 0.1·in + 0.2·out + 0.03·in·out (+ layer). */
  private static LatencyTable bilinearTable(Denoiser m) {
    List<LatencyTable.Grid> grids = new ArrayList<>();
    int l = 0;
    for (LayerWiring w : LayerWiring.of(m)) {
      int[] in = w.producers().isEmpty() ? new int[] {w.fixedIn()} : LatencyCosts.gridValues(w.maxIn(), 3);
      int[] out = LatencyCosts.gridValues(w.layer().units(), 3);
      double[][] ms = new double[in.length][out.length];
      for (int a = 0; a < in.length; a++) {
        for (int b = 0; b < out.length; b++) {
          ms[a][b] = 0.5 + l + 0.1 * in[a] + 0.2 * out[b] + 0.03 * in[a] * out[b];
        }
      }
      grids.add(new LatencyTable.Grid(w.layer().name(), in, out, ms));
      l++;
    }
    return new LatencyTable(Map.of("model", LatencyCosts.shapeDigest(m)), grids, 100, 7);
  }

  private static Mask randomMask(Denoiser m, long seed, boolean sameUnitsPerLevel) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = m.units().size();
    boolean[] keep = new boolean[n];
    for (int i = 0; i < n; i++) {
      keep[i] = r.nextDouble() < 0.6;
    }
    for (Layer layer : m.layers()) {
      keep[layer.firstUnit()] = true; // no layer fully pruned
      if (sameUnitsPerLevel && layer.name().endsWith("b")) {
        for (int j = 0; j < layer.units(); j++) {
          keep[layer.firstUnit() + j] = keep[m.layers().get(1).firstUnit() + j];
        }
      }
    }
    return Mask.of(keep);
  }

  @Test
  void theQuadraticEqualsTheTableOnAnExactlyBilinearTable() {
    for (Denoiser m : List.of(ModelTestSupport.dncnn(6, 4), ModelTestSupport.halfUNet(8, 3))) {
      try (m) {
        LatencyTable t = bilinearTable(m);
        QuadraticCost q = LatencyCosts.quadratic(m, t);
        assertThat(q.n()).isEqualTo(m.units().size());
        assertThat(q.total()).isCloseTo(LatencyCosts.predictMs(m, t, Mask.all(q.n())), within(1e-6));
        for (long seed = 1; seed <= 5; seed++) {
          // Half-UNet: the union the fused map keeps is exact when every level keeps the same units
          Mask mask = randomMask(m, seed, true);
          assertThat(q.value(mask)).as("%s seed %d", m.spec().architecture(), seed)
              .isCloseTo(LatencyCosts.predictMs(m, t, mask), within(1e-6));
        }
      }
    }
  }

  @Test
  void interpolationIsBilinearBetweenGridPointsAndAFullyPrunedLayerCostsNothing() {
    LatencyTable.Grid g = new LatencyTable.Grid("x", new int[] {2, 4}, new int[] {1, 3},
        new double[][] {{1, 3}, {5, 11}});
    assertThat(g.at(2, 1)).isEqualTo(1);
    assertThat(g.at(4, 3)).isEqualTo(11);
    assertThat(g.at(3, 2)).isCloseTo((1 + 3 + 5 + 11) / 4.0, within(1e-12));
    assertThat(g.at(3, 0)).isZero();
    assertThat(BilinearFit.fit(g)).containsExactly(new double[] {-2, 1, -1, 1}, within(1e-6));
  }

  @Test
  void theTableIsMeasuredOnceCachedByKeyAndMeasuredAgainOnRefreshOrAnotherKey() throws Exception {
    try (Denoiser m = ModelTestSupport.halfUNet(4, 2)) {
      Path cache = dir.resolve("latency.json");
      LatencyTable t = LatencyCosts.table(m, cache, 1, false, 16, 2, 1);
      assertThat(cache).exists();
      assertThat(t.layers()).hasSize(m.layers().size());
      assertThat(t.fullMs()).isPositive();
      assertThat(t.key()).containsEntry("threads", "1").containsEntry("size", "16")
          .containsKeys("cpu", "cores", "djl", "pytorch", "model");
      // a recognisable cached value is used as long as the key matches ...
      String text = Files.readString(cache).replaceFirst("\"full_ms\" : [0-9.eE-]+", "\"full_ms\" : 12345.0");
      Files.writeString(cache, text);
      assertThat(LatencyCosts.table(m, cache, 1, false, 16, 2, 1).fullMs()).isEqualTo(12345.0);
      // ... and measured again on --refresh, or when the machine (or anything in the key) differs
      assertThat(LatencyCosts.table(m, cache, 1, true, 16, 2, 1).fullMs()).isNotEqualTo(12345.0);
      Files.writeString(cache, text.replace("\"cores\" : \"", "\"cores\" : \"9"));
      LatencyTable again = LatencyCosts.table(m, cache, 1, false, 16, 2, 1);
      assertThat(again.fullMs()).isNotEqualTo(12345.0);
      assertThat(again.key()).isEqualTo(t.key());
      QuadraticCost q = LatencyCosts.quadratic(m, again);
      assertThat(q.name()).isEqualTo("latency");
      assertThat(q.total()).isPositive();
    }
  }

  @Test
  void aBrokenCacheOrATableOfAnotherModelIsAClearError() throws Exception {
    Path cache = dir.resolve("bad.json");
    Files.writeString(cache, "{ \"key\": {}, \"layers\": [ {\"layer\": \"enc1a\"} ] }");
    try (Denoiser m = ModelTestSupport.halfUNet(4, 2); Denoiser other = ModelTestSupport.dncnn(4, 3)) {
      assertThatThrownBy(() -> LatencyCosts.table(m, cache, 1, false, 16, 2, 1))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining(cache.toString())
          .hasMessageContaining("--refresh").hasMessageContaining("no 'k_in'");
      assertThatThrownBy(() -> LatencyCosts.quadratic(other, bilinearTable(m)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("another model");
      assertThatThrownBy(() -> LatencyCosts.table(m, cache, 1, false, 7, 2, 1))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("multiple of 2");
    }
  }
}
