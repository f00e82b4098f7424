package io.qprune.cluster.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.api.cluster.CellTask;
import io.qprune.api.cluster.Cluster;
import io.qprune.api.cluster.Clusters;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.eval.ValidationRecipe;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.Torch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master and two workers as separate JVMs on 127.0.0.1: an evaluation batch of the real
 * denoiser gives the in-process values, and a campaign that loses a worker (and its executor)
 * half-way still reports every cell exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class StandaloneClusterIT {
  @TempDir
  static Path dir;
  private static StandaloneCluster standalone;
  private static Cluster spark;
  private static ValidationRecipe recipe;
  private static List<int[]> masks;
  private static double[][] expected;

  @BeforeAll
  static void start() throws Exception {
    Torch.configure(1);
    Path model = dir.resolve("tiny.qpm");
    int units;
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.HALF_UNET, 8, 2, ColorMode.GREY), 3)) {
      ModelFile.save(m, model);
      units = m.units().size();
    }
    recipe = ValidationRecipe.of(model.toString(), 2, 32, 25, 11, 1);
    Random r = new Random(5);
    masks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      masks.add(IntStream.range(0, units).map(u -> r.nextInt(4) == 0 ? 0 : 1).toArray());
    }
    try (Cluster local = Clusters.open("local")) {
      expected = local.evaluate(recipe, masks);
    }
    standalone = new StandaloneCluster(dir, 2);
    System.setProperty("spark.executor.memory", "512m");
    System.setProperty("spark.executor.extraJavaOptions", "-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1");
    System.setProperty("spark.executorEnv.OMP_NUM_THREADS", "1");
    System.setProperty(SparkCluster.EXECUTOR_WAIT, "120");
    spark = Clusters.open(standalone.url());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (spark.parallelism() < 2 && System.nanoTime() < end) {
      Thread.sleep(200); // the second worker's executor
    }
    assertThat(spark.parallelism()).as("executors that joined; logs in " + dir).isEqualTo(2);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.close();
    }
    if (standalone != null) {
      standalone.close();
    }
    for (String k : List.of("spark.executor.memory", "spark.executor.extraJavaOptions",
        "spark.executorEnv.OMP_NUM_THREADS", SparkCluster.EXECUTOR_WAIT)) {
      System.clearProperty(k);
    }
  }

  @Test
  @Order(1)
  void anEvaluationBatchGivesTheInProcessValues() {
    assertThat(spark.evaluate(recipe, masks)).isDeepEqualTo(expected);
    assertThat(spark.evaluate(recipe, masks.subList(3, 9))).isDeepEqualTo(java.util.Arrays.copyOfRange(expected, 3, 9));
  }

  @Test
  @Order(2)
  void aCampaignThatLosesAWorkerStillReportsEveryCellOnce() throws Exception {
    List<Integer> cells = IntStream.range(0, 16).boxed().toList();
    int[] times = new int[cells.size()];
    List<Integer> afterKill = new ArrayList<>();
    CellTask<Integer, Long> slowSquare = c -> {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return (long) c * c;
    };
    boolean[] killed = {false};
    spark.run(slowSquare, cells, (i, cell, result) -> {
      assertThat(result).isEqualTo((long) cell * cell);
      times[i]++;
      if (killed[0]) {
        afterKill.add(i);
      }
      if (!killed[0] && IntStream.of(times).sum() == 3) {
        try {
          standalone.killWorker(1);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        killed[0] = true;
      }
    });
    assertThat(times).containsOnly(1);
    assertThat(standalone.workerAlive(1)).isFalse();
    assertThat(afterKill).hasSize(13);
  }

  @Test
  @Order(3)
  void theSurvivorStillEvaluatesBatches() {
    assertThat(spark.evaluate(recipe, masks)).isDeepEqualTo(expected);
  }
}
