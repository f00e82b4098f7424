package io.qprune.formulation.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.api.blackbox.Pareto2d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvolutionTest {
  static final int[] SIZES = {40, 300, 900, 60};
  @TempDir Path dir;

  static EvolveSettings settings(int budget) {
    return EvolveSettings.from(Map.of("budget", budget, "population", 12, "seed", 4), "test");
  }

  @Test
  void thresholdsPruneTheLeastImportantQuantileOfEachLayer() {
    SyntheticTask t = new SyntheticTask(SIZES, 1);
    Thresholds th = new Thresholds(t);
    WeightMask m = th.decode(new double[] {0, 0.5, 0.25, 1});
    assertThat(m.keptPerLayer()).containsExactly(40, 150, 675, 0);
    float[] imp = t.importance(1);
    float keptMin = Float.MAX_VALUE;
    float prunedMax = 0;
    for (int i = 0; i < imp.length; i++) {
      if (m.keeps(40 + i)) {
        keptMin = Math.min(keptMin, imp[i]);
      } else {
        prunedMax = Math.max(prunedMax, imp[i]);
      }
    }
    assertThat(keptMin).isGreaterThanOrEqualTo(prunedMax);
  }

  @Test
  void globalGenomesPruneBelowOneThresholdAcrossLayers() {
    SyntheticTask t = new SyntheticTask(SIZES, 1);
    Thresholds th = new Thresholds(t);
    double[] imp = Importance.global(t, false);
    List<double[]> g = th.globalGenomes(imp, 0.995);
    assertThat(g).hasSize(9);
    WeightMask half = th.decode(g.get(4));
    // about half of all weights go, unevenly over layers (later layers have larger weights here)
    assertThat(half.keptFraction()).isBetween(0.49, 0.51);
    int[] kept = half.keptPerLayer();
    assertThat((double) kept[0] / SIZES[0]).isLessThan((double) kept[2] / SIZES[2]);
  }

  @Test
  void corridorBitsAddHeavyOnlyWeightsToTheLightAnchor() {
    SyntheticTask t = new SyntheticTask(SIZES, 1);
    Thresholds th = new Thresholds(t);
    WeightMask light = th.decode(new double[] {0.2, 0.8, 0.9, 0.5});
    WeightMask heavy = th.decode(new double[] {0.1, 0.3, 0.4, 0.5});
    Corridor c = new Corridor(light, heavy, Importance.layerNormalised(t));
    assertThat(c.length()).isEqualTo(heavy.kept() - light.kept());
    assertThat(c.decode(new int[c.length()])).isEqualTo(light);
    int[] ones = new int[c.length()];
    java.util.Arrays.fill(ones, 1);
    assertThat(c.decode(ones)).isEqualTo(heavy);
    List<int[]> init = c.initial(12, new SplittableRandom(3));
    assertThat(init).hasSize(12);
    // densities grow along the population, and the more important half of the corridor is kept more often
    int[] set = init.stream().mapToInt(x -> java.util.Arrays.stream(x).sum()).toArray();
    assertThat(set[2]).isLessThan(set[11]);
    double[] scores = c.scores();
    double median = java.util.Arrays.stream(scores).sorted().toArray()[scores.length / 2];
    int important = 0;
    int unimportant = 0;
    for (int[] x : init.subList(2, 12)) {
      for (int j = 0; j < x.length; j++) {
        if (scores[j] < median) {
          important += x[j];
        } else {
          unimportant += x[j];
        }
      }
    }
    assertThat(important).isGreaterThan(2 * unimportant);
  }

  @Test
  void bothPhasesRunAndTheFinalFrontIsTheNonDominatedUnion() {
    SyntheticTask t = new SyntheticTask(SIZES, 1);
    EvolveResult r = new Evolution(t, settings(600), dir, EvolveListener.NONE).run(false);
    assertThat(r.corridor()).isPositive();
    assertThat(r.phase2()).isNotEmpty();
    assertThat(r.evaluations()).isLessThanOrEqualTo(600);
    assertThat(r.hypervolumeFinal()).isGreaterThan(r.hypervolumePhase1());
    List<double[]> pts = new ArrayList<>();
    r.front().forEach(m -> pts.add(new double[] {m.keptFraction(), m.valError()}));
    assertThat(Pareto2d.nonDominated(pts)).hasSize(pts.size());
    assertThat(r.front()).anyMatch(m -> m.phase() == 2);
    for (FrontMember m : r.front()) {
      assertThat(m.testError()).isEqualTo(t.error(m.mask()) + 0.001);
      assertThat(m.keptFraction()).isEqualTo(m.mask().keptFraction());
    }
    assertThat(r.light().keptFraction()).isLessThanOrEqualTo(r.heavy().keptFraction());
  }

  @Test
  void withNoMemberWithinTheToleranceTheLightAnchorIsHeavysNeighbour() {
    EvolveSettings s = EvolveSettings.from(Map.of("budget", 200, "population", 12, "seed", 4,
        "anchor_tolerance", 0.0), "test");
    EvolveResult r = new Evolution(new SyntheticTask(SIZES, 1), s, dir, EvolveListener.NONE).run(false);
    assertThat(r.light().keptFraction()).isLessThan(r.heavy().keptFraction());
    assertThat(r.corridor()).isPositive();
    assertThat(r.phase1()).noneMatch(m -> m.keptFraction() > r.light().keptFraction()
        && m.keptFraction() < r.heavy().keptFraction());
  }

  @Test
  void aKilledRunResumesToTheSameFront() {
    EvolveResult whole = new Evolution(new SyntheticTask(SIZES, 1), settings(300), dir.resolve("a"),
        EvolveListener.NONE).run(false);
    for (int killAt : new int[] {1, 3}) { // in phase 1, then in phase 2 (generation 3 after 2 generations)
      Path out = dir.resolve("b" + killAt);
      int phase = killAt == 1 ? 1 : 2;
      assertThatThrownBy(() -> new Evolution(new SyntheticTask(SIZES, 1), settings(300), out,
          new EvolveListener() {
            @Override
            public void generation(int p, int generation, long evaluations, double hv) {
              if (p == phase && generation == killAt) {
                throw new IllegalStateException("killed");
              }
            }
          }).run(false)).hasMessage("killed");
      assertThatThrownBy(() -> new Evolution(new SyntheticTask(SIZES, 1), settings(300), out,
          EvolveListener.NONE).run(false)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("--resume");
      EvolveResult resumed = new Evolution(new SyntheticTask(SIZES, 1), settings(300), out,
          EvolveListener.NONE).run(true);
      assertThat(resumed.front()).hasSameSizeAs(whole.front());
      for (int i = 0; i < whole.front().size(); i++) {
        assertThat(resumed.front().get(i).mask()).isEqualTo(whole.front().get(i).mask());
      }
      assertThat(resumed.evaluations()).isEqualTo(whole.evaluations());
      assertThat(resumed.hypervolumeFinal()).isEqualTo(whole.hypervolumeFinal());
    }
    assertThatThrownBy(() -> new Evolution(new SyntheticTask(SIZES, 1), settings(320), dir.resolve("a"),
        EvolveListener.NONE).run(true)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("describes another run");
  }

  @Test
  void frontFilesAndMasksRoundTrip() throws Exception {
    SyntheticTask t = new SyntheticTask(SIZES, 1);
    EvolveSettings s = settings(200);
    EvolveResult r = new Evolution(t, s, dir, EvolveListener.NONE).run(false);
    FrontFiles.write(r, t, s, Map.of("model", "synthetic"), dir);
    List<String> csv = Files.readAllLines(dir.resolve(FrontFiles.CSV));
    assertThat(csv.get(0)).startsWith("member,phase,kept_fraction").endsWith("kept_l3");
    assertThat(csv).hasSize(r.front().size() + 1);
    String json = Files.readString(dir.resolve(FrontFiles.JSON_FILE));
    assertThat(json).contains("\"hypervolume_phase1\"", "\"hypervolume_final\"", "\"kept_per_layer\"");
    for (int i = 0; i < r.front().size(); i++) {
      WeightMask back = WeightMaskFile.read(dir.resolve(FrontFiles.maskName(i)), t.layers());
      assertThat(back).isEqualTo(r.front().get(i).mask());
    }
    assertThat(WeightMaskFile.isWeightMask(dir.resolve(FrontFiles.maskName(0)))).isTrue();
    assertThat(WeightMaskFile.isWeightMask(dir.resolve(FrontFiles.CSV))).isFalse();
    var other = new SyntheticTask(new int[] {40, 300, 901, 60}, 1).layers();
    assertThatThrownBy(() -> WeightMaskFile.read(dir.resolve(FrontFiles.maskName(0)), other))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("layer 2 is 'l2' of 900 weights");
  }

  @Test
  void settingsRejectBadValuesByName() {
    assertThatThrownBy(() -> EvolveSettings.from(Map.of("budgit", 3), "cfg.yaml"))
        .hasMessageContaining("cfg.yaml: unknown key 'budgit'").hasMessageContaining("Maybe 'budget'?");
    assertThatThrownBy(() -> EvolveSettings.from(Map.of("phase1_share", 1.5), "cfg.yaml"))
        .hasMessageContaining("phase1_share");
    assertThatThrownBy(() -> EvolveSettings.from(Map.of("budget", "many"), "cfg.yaml"))
        .hasMessageContaining("cfg.yaml: 'budget' must be a whole number, got \"many\"");
    assertThat(EvolveSettings.defaults().with(50, 10, 3L).phase1Budget()).isEqualTo(25);
  }

  @Test
  void weightMaskCountsAndArrays() {
    SyntheticTask t = new SyntheticTask(new int[] {3, 2}, 1);
    BitSet b = new BitSet();
    b.set(1);
    b.set(3);
    WeightMask m = new WeightMask(t.layers(), b);
    assertThat(m.keptPerLayer()).containsExactly(1, 1);
    assertThat(m.arrays().get(0)).containsExactly(0f, 1f, 0f);
    assertThat(m.arrays().get(1)).containsExactly(1f, 0f);
    b.set(7);
    assertThatThrownBy(() -> new WeightMask(t.layers(), b)).hasMessageContaining("sets bit 7");
  }
}
