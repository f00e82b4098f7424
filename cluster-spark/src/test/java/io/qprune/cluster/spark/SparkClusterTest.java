package io.qprune.cluster.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import io.qprune.api.cluster.CellTask;
import io.qprune.api.cluster.Cluster;
import io.qprune.api.cluster.Clusters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkClusterTest {
  private static Cluster spark;

  @BeforeAll
  static void start() {
    spark = Clusters.open("local[2]");
  }

  @AfterAll
  static void stop() {
    spark.close();
  }

  @Test
  void batchesGiveTheInProcessValuesInOrderAndBuildEachRecipeOncePerSlot() {
    WeightedSum recipe = new WeightedSum(40, 7);
    long before = ExecutorEvaluators.builds();
    try (Cluster local = Clusters.open("local")) {
      for (int batch = 0; batch < 3; batch++) {
        List<int[]> c = WeightedSum.candidates(25 + batch, 40, batch);
        assertThat(spark.evaluate(recipe, c)).isDeepEqualTo(local.evaluate(recipe, c));
      }
    }
    assertThat(ExecutorEvaluators.builds() - before).isBetween(1L, 2L);
    assertThat(spark.parallelism()).isEqualTo(2);
    assertThat(spark.evaluate(recipe, List.of())).isEmpty();
  }

  @Test
  void everyCellIsReportedOnceOnTheCallingThread() {
    List<Integer> cells = IntStream.range(0, 12).boxed().toList();
    List<Integer> seen = new ArrayList<>();
    Thread caller = Thread.currentThread();
    CellTask<Integer, Long> square = c -> (long) c * c;
    spark.run(square, cells, (i, cell, result) -> {
      assertThat(Thread.currentThread()).isSameAs(caller);
      assertThat(cell).isEqualTo(cells.get(i));
      assertThat(result).isEqualTo((long) cell * cell);
      seen.add(i);
    });
    assertThat(seen).containsExactlyInAnyOrderElementsOf(cells);
  }

  @Test
  void aFailingCellIsNamedAndKeepsItsKind() {
    CellTask<Integer, Integer> task = c -> {
      if (c == 3) {
        throw new InvalidInputException("no instance number " + c);
      }
      return c;
    };
    assertThatThrownBy(() -> spark.run(task, List.of(1, 2, 3, 4), (i, c, r) -> {}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Cell 2 (3)")
        .hasMessageContaining("no instance number 3");
  }

  @Test
  void aFailingEvaluatorFailsTheBatchWithItsMessage() {
    List<int[]> wrong = List.of(new int[] {1, 0}, new int[] {1, 0, 1});
    assertThatThrownBy(() -> spark.evaluate(new WeightedSum(2, 1), wrong))
        .isInstanceOf(QpruneException.class).hasMessageContaining("failed on local[2]")
        .hasMessageContaining("ArrayIndexOutOfBounds");
  }

  @Test
  void badAddressesAreClearErrors() {
    assertThatThrownBy(() -> Clusters.open("local[x]")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown cluster 'local[x]'").hasMessageContaining("spark://host:port");
    assertThatThrownBy(() -> Clusters.open("yarn")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown cluster 'yarn'");
    assertThatThrownBy(() -> Clusters.open("spark://127.0.0.1:1")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Spark master spark://127.0.0.1:1 is not reachable");
  }
}
