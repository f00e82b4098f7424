package io.qprune.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClustersTest {
  /** Counts its builds; each row is (sum of the candidate, its length). */
  record Summing(String id, int[] builds) implements EvaluatorRecipe {
    @Override
    public BatchEvaluator build() {
      builds[0]++;
      return candidates -> candidates.stream()
          .map(c -> new double[] {java.util.Arrays.stream(c).sum(), c.length}).toArray(double[][]::new);
    }
  }

  @Test
  void inProcessEvaluatesInOrderAndBuildsARecipeOnce() {
    int[] builds = {0};
    try (Cluster c = Clusters.open(null)) {
      assertThat(c.url()).isEqualTo("local");
      Summing r = new Summing("a", builds);
      assertThat(c.evaluate(r, List.of(new int[] {1, 1, 0}, new int[] {0}))).isDeepEqualTo(
          new double[][] {{2, 3}, {0, 1}});
      assertThat(c.evaluate(r, List.of(new int[] {1}))).isDeepEqualTo(new double[][] {{1, 1}});
      assertThat(builds[0]).isEqualTo(1);
    }
  }

  @Test
  void inProcessRunsCellsInOrder() {
    List<String> seen = new ArrayList<>();
    try (Cluster c = Clusters.open(" local ")) {
      c.run((CellTask<Integer, Integer>) x -> x * 10, List.of(3, 1, 2), (i, cell, r) -> seen.add(i + ":" + cell + "=" + r));
    }
    assertThat(seen).containsExactly("0:3=30", "1:1=10", "2:2=20");
  }

  @Test
  void sparkAddressesWithoutTheSparkModuleAndUnknownAddressesAreClearErrors() {
    assertThat(Clusters.providers()).isEmpty(); // api alone has no engine
    assertThatThrownBy(() -> Clusters.open("local[2]")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'local[2]' needs Apache Spark").hasMessageContaining("qprune-cluster-spark");
    assertThatThrownBy(() -> Clusters.validate("mesos://x")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown cluster 'mesos://x'");
  }
}
