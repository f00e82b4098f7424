package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign on Spark ({@code local[2]}) gives the in-process table, timing columns aside; and a
 * campaign interrupted in-process resumes on the cluster with only the missing cells.
 */
class ClusterCampaignTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** results.csv columns that measure time (or a rate over time), not the result. */
  private static final List<String> TIMING = List.of("time_to_best_s", "total_s", "rate", "service_seconds");
  @TempDir
  Path dir;

  /** bqp20 (n = 20): every solver reaches the optimum well within the limit, whatever the load. */
  private Path plan() throws Exception {
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, """
        instances: [%s]
        solvers: [exact, sa, tabu]
        repeats: 2
        seed: 3
        time_limits: [0.3]
        """.formatted(Path.of("../examples/bqp20.txt").toAbsolutePath().normalize()));
    return plan;
  }

  private static String withoutTiming(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = Arrays.asList(lines.get(0).split(","));
    return lines.stream().map(l -> {
      String[] cells = l.split(",", -1);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        if (!TIMING.contains(header.get(i))) {
          sb.append(cells[i]).append(',');
        }
      }
      return sb.toString();
    }).collect(Collectors.joining("\n"));
  }

  /** The summary table's instance, n, solver, limit, best and median columns (no best known for bqp20). */
  private static String summary(String out) {
    return out.lines().filter(l -> l.startsWith("bqp20-1 ") && !l.contains("objective"))
        .map(l -> l.replaceAll("\\s+", " ").strip().split(" "))
        .map(c -> String.join(" ", Arrays.copyOfRange(c, 0, 6)))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void sparkLocalGivesTheInProcessTable() throws Exception {
    Path plan = plan();
    CliRun local = CliRun.main("bench", "solvers", "--plan", plan.toString(), "--out", dir.resolve("a").toString());
    assertThat(local.code()).as(local.err()).isZero();
    CliRun spark = CliRun.main("bench", "solvers", "--plan", plan.toString(), "--out", dir.resolve("b").toString(),
        "--cluster", "local[2]");
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(spark.out()).contains("Running on cluster local[2] (2 cells at a time)");
    assertThat(withoutTiming(dir.resolve("b/results.csv"))).isEqualTo(withoutTiming(dir.resolve("a/results.csv")));
    assertThat(Files.readAllLines(dir.resolve("b/results.csv"))).hasSize(1 + 3 * 2);
    assertThat(summary(spark.out())).isEqualTo(summary(local.out())).contains("exact", "sa", "tabu");
    assertThat(JSON.readTree(dir.resolve("b/results.json").toFile()).get("cluster").asText()).isEqualTo("local[2]");
  }

  @Test
  void aCampaignStartedInProcessResumesOnTheCluster() throws Exception {
    Path plan = plan();
    Path out = dir.resolve("r");
    CliRun first = CliRun.main("bench", "solvers", "--plan", plan.toString(), "--out", out.toString());
    assertThat(first.code()).as(first.err()).isZero();
    String full = withoutTiming(out.resolve("results.csv"));
    ObjectNode doc = (ObjectNode) JSON.readTree(out.resolve("results.json").toFile());
    ArrayNode rows = (ArrayNode) doc.get("results");
    while (rows.size() > 2) {
      rows.remove(rows.size() - 1); // as if the driver had been killed after two cells
    }
    JSON.writeValue(out.resolve("results.json").toFile(), doc);

    CliRun resumed = CliRun.main("bench", "solvers", "--plan", plan.toString(), "--out", out.toString(), "--resume",
        "--cluster", "local[2]");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Resuming: 2 runs already in");
    assertThat(resumed.out().lines().filter(l -> l.contains("time to best"))).hasSize(4);
    JsonNode after = JSON.readTree(out.resolve("results.json").toFile()).get("results");
    assertThat(after).hasSize(6).contains(rows.get(0), rows.get(1)); // kept as recorded, timings included
    assertThat(withoutTiming(out.resolve("results.csv"))).isEqualTo(full);
  }

  @Test
  void badClusterAddressesExitWithTwo() throws Exception {
    Path plan = plan();
    CliRun unknown = CliRun.main("bench", "solvers", "--plan", plan.toString(), "--cluster", "yarn");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown cluster 'yarn'", "spark://host:port");
    CliRun down = CliRun.main("bench", "solvers", "--plan", plan.toString(), "--out", dir.resolve("d").toString(),
        "--cluster", "spark://127.0.0.1:1");
    assertThat(down.code()).isEqualTo(2);
    assertThat(down.err()).contains("Spark master spark://127.0.0.1:1 is not reachable");
  }
}
