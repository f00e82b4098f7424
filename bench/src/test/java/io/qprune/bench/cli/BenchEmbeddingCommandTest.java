package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code qprune bench embedding} on a small scores file and small lattices. */
@Timeout(120)
class BenchEmbeddingCommandTest {
  @TempDir Path dir;

  /** {@code layers} layers of {@code size} units with random scores and similarities. */
  Path scores(int layers, int size) throws Exception {
    Random r = new Random(5);
    StringBuilder units = new StringBuilder();
    StringBuilder sim = new StringBuilder();
    for (int l = 0; l < layers; l++) {
      double[][] s = new double[size][size];
      for (int i = 0; i < size; i++) {
        s[i][i] = 1;
        for (int j = 0; j < i; j++) {
          s[i][j] = s[j][i] = r.nextDouble() < 0.6 ? Math.round(r.nextDouble() * 1000) / 1000.0 : 0;
        }
        units.append(units.length() == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
            "{\"id\": \"L%d:%d\", \"layer\": \"L%d\", \"taylor\": %.4f, \"fisher\": %.4f, \"l1\": %.4f}", l, i, l,
            0.1 + r.nextDouble(), 0.1 + r.nextDouble(), 1 + r.nextDouble()));
      }
      sim.append(l == 0 ? "" : ",").append("\"L").append(l).append("\": ")
          .append(new ObjectMapper().writeValueAsString(s));
    }
    Path f = dir.resolve("scores.json");
    Files.writeString(f, "{\"units\": [" + units + "], \"similarity\": {" + sim + "}}");
    return f;
  }

  @Test
  void embedsEveryLayerAndTheNetworkOnEachGraphAndMeasuresChainBreaks() throws Exception {
    Path out = dir.resolve("out");
    CliRun r = CliRun.main("bench", "embedding", "--scores", scores(3, 10).toString(), "--graphs", "pegasus4,zephyr2",
        "--methods", "clique,heuristic", "--num-reads", "2", "--num-sweeps", "100", "--chain-strength-scales", "1,0.1",
        "--embedding-passes", "5", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(Files.readString(out.resolve("embedding.json")));
    assertThat(j.at("/largest_clique/pegasus4/size").asInt()).isPositive();
    assertThat(j.at("/largest_clique/zephyr2/size").asInt()).isPositive();
    JsonNode rows = j.get("rows");
    assertThat(rows).hasSize((3 + 1) * 2 * 2);
    for (JsonNode row : rows) {
      int cliqueSize = j.at("/largest_clique/" + row.get("graph").asText() + "/size").asInt();
      if (row.get("method").asText().equals("clique") && row.get("variables").asInt() > cliqueSize) {
        assertThat(row.get("status").asText()).startsWith("does not fit");
        continue;
      }
      assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("ok");
      assertThat(row.get("qubits").asInt()).isGreaterThanOrEqualTo(row.get("variables").asInt());
      assertThat(row.get("chain_mean").asDouble()).isBetween(1.0, (double) row.get("chain_max").asInt());
      assertThat(row.get("anneals")).hasSize(2);
      for (JsonNode a : row.get("anneals")) {
        assertThat(a.get("chain_break_fraction_mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(a.get("best_energy").asDouble()).isGreaterThanOrEqualTo(row.get("sa_logical_energy").asDouble() - 1);
      }
    }
    assertThat(Files.readAllLines(out.resolve("embedding.csv")).get(0)).startsWith("scope,qubo,variables");
    assertThat(out.resolve("summary.md")).exists();
    assertThat(out.resolve("chain-breaks.png")).exists();
    assertThat(out.resolve("chain-breaks.svg")).exists();
    assertThat(r.out()).contains("| 3 layers, each alone | pegasus4 | heuristic | 3/3 |")
        .contains("largest clique found K_");
  }

  @Test
  void aBadGraphNameIsAnError() throws Exception {
    CliRun r = CliRun.main("bench", "embedding", "--scores", scores(2, 4).toString(), "--graphs", "chimera16",
        "--out", dir.resolve("bad").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("chimera16").contains("pegasusM");
  }
}
