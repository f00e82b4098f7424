package io.qprune.formulation.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.SolveRequest;
import io.qprune.api.Solvers;
import io.qprune.formulation.capacity.ExactK;
import io.qprune.formulation.importance.Normalisation;
import io.qprune.formulation.importance.ScoreKind;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.importance.ScoresTestSupport;
import io.qprune.formulation.importance.Similarity;
import io.qprune.formulation.importance.UnitLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrunerTest {
  @TempDir Path dir;

  private static ScoreSet scores(UnitLayout l, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][][] sim = new double[l.numLayers()][][];
    for (int layer = 0; layer < l.numLayers(); layer++) {
      int m = l.layerSize(layer);
      sim[layer] = new double[m][m];
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          sim[layer][a][b] = sim[layer][b][a] = r.nextDouble();
        }
      }
    }
    int n = l.size();
    return ScoreSet.of(l, Map.of(ScoreKind.TAYLOR, r.doubles(n).toArray(), ScoreKind.FISHER,
        r.doubles(n).toArray(), ScoreKind.L1, r.doubles(n).toArray()), Similarity.of(l, sim, "t"), "t");
  }

  @Test
  void everyMethodKeepsExactlyKWithAnySolver() {
    UnitLayout l = ScoresTestSupport.layout(16, 16, 16, 16, 8);
    ScoreSet s = scores(l, 9);
    Solvers all = Solvers.discover();
    for (String solver : new String[] {"sa", "tabu", "descent"}) {
      Pruner p = new Pruner(all.create(solver, Map.of()), all.provider(solver).capabilities());
      for (Method m : Method.values()) {
        if (m == Method.HALP) { // a knapsack under a budget; no unit count
          continue;
        }
        for (double sp : new double[] {0.2, 0.36, 0.5}) {
          PruneSettings st = PruneConfig.defaults().settings().withMethod(m).withSparsity(sp)
              .withAlphaBeta(0.5, 0.3);
          var pruned = p.prune(s, st, SolveRequest.seeded(1));
          assertThat(pruned.selection().mask().kept()).as("%s %s %s", solver, m, sp)
              .isEqualTo(st.keep(l.size()));
        }
      }
    }
  }

  @Test
  void greedyTaylorIsTheTopKOfNormalisedTaylorAndTheHybridWithZeroBetaAgreesWithIt() {
    UnitLayout l = ScoresTestSupport.layout(10, 10, 10);
    ScoreSet s = scores(l, 4);
    Solvers all = Solvers.discover();
    Pruner p = new Pruner(all.create("sa", Map.of("num_reads", 4)), all.provider("sa").capabilities());
    PruneSettings base = PruneConfig.defaults().settings().withSparsity(0.4);
    var greedy = p.prune(s, base.withMethod(Method.TAYLOR), SolveRequest.seeded(2));
    var linear = p.prune(s, base.withMethod(Method.LINEAR).withAlphaBeta(1, 0), SolveRequest.seeded(2));
    assertThat(linear.selection().mask()).isEqualTo(greedy.selection().mask());
    double[] t = s.normalised(ScoreKind.TAYLOR, base.normalisation());
    double minKept = Double.MAX_VALUE;
    double maxPruned = 0;
    for (int i = 0; i < t.length; i++) {
      if (greedy.selection().mask().keeps(i)) {
        minKept = Math.min(minKept, t[i]);
      } else {
        maxPruned = Math.max(maxPruned, t[i]);
      }
    }
    assertThat(minKept).isGreaterThanOrEqualTo(maxPruned);
    // the redundancy term changes the choice
    var hybrid = p.prune(s, base.withMethod(Method.HYBRID).withAlphaBeta(1, 0.5), SolveRequest.seeded(2));
    assertThat(hybrid.selection().mask()).isNotEqualTo(greedy.selection().mask());
    assertThat(hybrid.selection().mode()).isEqualTo(ExactK.SEARCH);
  }

  @Test
  void configFilesOverrideDefaultsAndRejectUnknownKeys() throws Exception {
    Path f = dir.resolve("p.yaml");
    Files.writeString(f, "sparsity: 0.5\nmethod: l1-qubo\nsolver: tabu\nsolver_parameters:\n  num_reads: 2\n");
    PruneConfig c = PruneConfig.load(f);
    assertThat(c.settings().sparsity()).isEqualTo(0.5);
    assertThat(c.settings().method()).isEqualTo(Method.L1_QUBO);
    assertThat(c.solver()).isEqualTo("tabu");
    assertThat(c.solverParameters()).containsEntry("num_reads", 2);
    assertThat(c.calibrationCrops()).isEqualTo(64);
    Files.writeString(f, "sparsty: 0.5\n");
    assertThatThrownBy(() -> PruneConfig.load(f)).hasMessageContaining("p.yaml:1: unknown key 'sparsty'")
        .hasMessageContaining("sparsity");
    Files.writeString(f, "sparsity: 1.5\n");
    assertThatThrownBy(() -> PruneConfig.load(f)).hasMessageContaining("Sparsity must be in [0, 1), got 1.5");
    Files.writeString(f, "sparsity: [0.5\n");
    assertThatThrownBy(() -> PruneConfig.load(f)).hasMessageContaining("p.yaml:").hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> PruneConfig.defaults().with("exact_k", "fast"))
        .hasMessageContaining("Maybe use search, native, auto or penalty");
  }

  @Test
  void theShippedDefaultConfigFileHoldsExactlyTheDefaults() {
    Path file = Path.of("..", "configs", "prune-default.yaml");
    assertThat(PruneConfig.load(file).asMap()).isEqualTo(PruneConfig.defaults().asMap());
  }
}
