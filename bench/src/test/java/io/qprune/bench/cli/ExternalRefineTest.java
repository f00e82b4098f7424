package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code refine --evaluator} on a {@code --scores} mask, against a python-stdlib evaluator (no torch). */
class ExternalRefineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PY = "/usr/bin/python3";
  @TempDir Path dir;
  Path mask;

  @BeforeEach
  void pruneFromScores() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(PY)), "needs " + PY + " (stdlib only)");
    StringBuilder units = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      String layer = i < 4 ? "a" : "b";
      units.append(i == 0 ? "" : ",").append("{\"id\": \"").append(layer).append(':').append(i % 4)
          .append("\", \"layer\": \"").append(layer).append("\", \"taylor\": ").append(1 + (i * 7) % 5)
          .append(", \"fisher\": ").append(1 + (i * 3) % 4).append(", \"l1\": 1}");
    }
    String eye = "[[1,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,1]]";
    Path scores = dir.resolve("scores-in.json");
    Files.writeString(scores, "{\"units\": [" + units + "], \"similarity\": {\"a\": " + eye + ", \"b\": " + eye + "}}");
    CliRun p = CliRun.main("prune", "--scores", scores.toString(), "--sparsity", "0.5", "--out",
        dir.resolve("p").toString());
    assertThat(p.code()).as(p.err()).isZero();
    mask = dir.resolve("p/mask.json");
  }

  /** An evaluator whose metric is Σ (i + 1)·x_i; {@code ids} are the unit ids it announces. */
  private String evaluator(String ids) throws Exception {
    Path py = dir.resolve("ev.py");
    Files.writeString(py, String.join("\n",
        "import json, sys",
        "ids = " + ids,
        "print(json.dumps({'ready': True, 'units': len(ids), 'unit_ids': ids, 'metric': 'w', 'goal': 'max'}), flush=True)",
        "for line in sys.stdin:",
        "    r = json.loads(line)",
        "    v = [sum((i + 1) * b for i, b in enumerate(m)) for m in r['masks']]",
        "    print(json.dumps({'id': r['id'], 'values': v}), flush=True)",
        ""));
    return PY + " " + py;
  }

  @Test
  void refinesAgainstTheEvaluatorsMetricKeepingTheCount() throws Exception {
    String ids = "['a:0','a:1','a:2','a:3','b:0','b:1','b:2','b:3']";
    Path out = dir.resolve("r");
    CliRun r = CliRun.main("refine", "--mask", mask.toString(), "--evaluator", evaluator(ids),
        "--layers", "all", "--budget", "40", "--plain", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("validation w (higher is better)");
    JsonNode rep = JSON.readTree(Files.readString(out.resolve("report.json")));
    double before = rep.at("/refined/val_before").asDouble();
    double after = rep.at("/refined/val_after").asDouble();
    assertThat(after).isGreaterThanOrEqualTo(before);
    JsonNode start = JSON.readTree(Files.readString(mask));
    double expect = 0;
    for (int i = 0; i < 8; i++) {
      expect += (i + 1) * start.get("kept").get(i).asInt();
    }
    assertThat(before).isEqualTo(expect);
    JsonNode refined = JSON.readTree(Files.readString(out.resolve("mask.json")));
    assertThat(refined.get("kept_units").asInt()).isEqualTo(4);
    assertThat(refined.get("method").asText()).endsWith("+tt");
    assertThat(rep.get("metric").asText()).isEqualTo("w");
    assertThat(rep.at("/refined/evaluations").asLong()).isBetween(1L, 40L);
  }

  @Test
  void anEvaluatorOfAnotherNetworkIsBadInput() throws Exception {
    CliRun r = CliRun.main("refine", "--mask", mask.toString(), "--layers", "all", "--evaluator",
        evaluator("['a:0','a:1','a:2','a:3','b:0','b:1','b:2','c:3']"), "--out", dir.resolve("x").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unit 7 is 'b:3'", "but 'c:3' for the evaluator");
  }

  @Test
  void underAFlopsBudgetEveryScoredMaskKeepsTheBudgetOfTheCostFile() throws Exception {
    Path cost = dir.resolve("cost.json");
    Files.writeString(cost, "{\"flops\": {\"constant\": 0, \"linear\": {\"a:0\": 3, \"a:1\": 1, \"a:2\": 4,"
        + " \"a:3\": 1, \"b:0\": 5, \"b:1\": 9, \"b:2\": 2, \"b:3\": 6}, \"pairwise\": []}}");
    Path pruned = dir.resolve("pf");
    CliRun p = CliRun.main("prune", "--scores", dir.resolve("scores-in.json").toString(), "--flops", "0.5",
        "--cost", cost.toString(), "--set", "budget_tolerance=0.1", "--out", pruned.toString());
    assertThat(p.code()).as(p.err()).isZero();
    String ids = "['a:0','a:1','a:2','a:3','b:0','b:1','b:2','b:3']";
    Path out = dir.resolve("rf");
    CliRun missing = CliRun.main("refine", "--mask", pruned.resolve("mask.json").toString(), "--evaluator",
        evaluator(ids), "--flops", "0.5", "--set", "budget_tolerance=0.1", "--layers", "all", "--out", out.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("cost.json").contains("--cost FILE");
    CliRun r = CliRun.main("refine", "--mask", pruned.resolve("mask.json").toString(), "--evaluator", evaluator(ids),
        "--flops", "0.5", "--set", "budget_tolerance=0.1", "--cost", cost.toString(), "--layers", "all",
        "--budget", "40", "--plain", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rep = JSON.readTree(Files.readString(out.resolve("report.json")));
    assertThat(rep.at("/budget/kept_fraction_before").asDouble()).isBetween(0.45 - 1e-9, 0.5 + 1e-9);
    assertThat(rep.at("/budget/kept_fraction_after").asDouble()).isBetween(0.45 - 1e-9, 0.5 + 1e-9);
    assertThat(rep.at("/refined/val_after").asDouble()).isGreaterThanOrEqualTo(rep.at("/refined/val_before").asDouble());
    // every mask the evaluator was asked about costs 14 or 15 of 31
    int[] c = {3, 1, 4, 1, 5, 9, 2, 6};
    for (String line : Files.readAllLines(out.resolve("refine-evaluations.txt"))) {
      String bits = line.split(" ")[0];
      int spent = 0;
      for (int k = 0; k < bits.length(); k++) {
        spent += (bits.charAt(k) - '0') * c[k];
      }
      assertThat(spent).as(line).isBetween(14, 15);
    }
  }
}
