package io.qprune.formulation.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.importance.UnitLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostFilesTest {
  private static final UnitLayout LAYOUT =
      UnitLayout.of(List.of("a:0", "a:1", "b:0", "b:1"), List.of("a", "a", "b", "b"));

  private static final String FILE = """
      {"flops": {"constant": 10, "linear": {"a:0": 3, "a:1": 3},
                 "pairwise": [["a:0", "b:0", 5], ["a:0", "b:1", 5], ["a:1", "b:0", 5], ["a:1", "b:1", 5]]},
       "params": {"linear": {"a:0": 1, "a:1": 1, "b:0": 2, "b:1": 2}}}
      """;

  @Test
  void readsBothKindsAndEvaluatesTheQuadratic() {
    QuadraticCost f = CostFiles.parse(FILE, "c.json", CostKind.FLOPS, LAYOUT);
    assertThat(f.total()).isEqualTo(10 + 6 + 20);
    // a:0 and b:1 kept: 10 + 3 + 5
    assertThat(f.value(new boolean[] {true, false, false, true})).isEqualTo(18);
    QuadraticCost p = CostFiles.parse(FILE, "c.json", CostKind.PARAMS, LAYOUT);
    assertThat(p.total()).isEqualTo(6);
    assertThat(p.value(new boolean[] {false, true, true, false})).isEqualTo(3);
  }

  @Test
  void aLatencyCapReadsTheFilesLatencyCostBesideTheBudgetsKind(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("cost.json");
    java.nio.file.Files.writeString(file, FILE.replace("\"params\"", "\"latency\""));
    MaskCost c = CostFiles.readBudget(file, CostKind.FLOPS, 0.5, LAYOUT);
    assertThat(c).isInstanceOf(CappedCost.class);
    assertThat(c.total()).isEqualTo(36);
    assertThat(c.capExcess(new boolean[] {true, true, true, true})).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(c.capExcess(new boolean[] {true, false, true, false})).isZero(); // latency 3 of 6
    assertThat(CostFiles.readBudget(file, CostKind.FLOPS, null, LAYOUT)).isInstanceOf(QuadraticCost.class);
    java.nio.file.Files.writeString(file, FILE);
    assertThatThrownBy(() -> CostFiles.readBudget(file, CostKind.FLOPS, 0.5, LAYOUT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no 'latency' cost");
  }

  @Test
  void badEntriesAreNamed() {
    assertThatThrownBy(() -> CostFiles.parse("{\"flops\": {\"linear\": {\"c:0\": 1}}}", "c.json",
        CostKind.FLOPS, LAYOUT)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("c.json").hasMessageContaining("'c:0'");
    assertThatThrownBy(() -> CostFiles.parse("{\"params\": {\"linear\": {\"a:0\": 1}}}", "c.json",
        CostKind.FLOPS, LAYOUT)).hasMessageContaining("no 'flops' cost");
    assertThatThrownBy(() -> CostFiles.parse("{\"flops\": {\"pairwise\": [[\"a:0\", \"b:0\"]]}}",
        "c.json", CostKind.FLOPS, LAYOUT)).hasMessageContaining("flops.pairwise[0]");
    assertThatThrownBy(() -> CostFiles.parse("{\"flops\": {\"linear\": {\"a:0\": \"x\"}}}", "c.json",
        CostKind.FLOPS, LAYOUT)).hasMessageContaining("linear['a:0']").hasMessageContaining("not a finite number");
    assertThatThrownBy(() -> CostFiles.parse("{\"flops\": {}, \"energy\": {}}", "c.json",
        CostKind.FLOPS, LAYOUT)).hasMessageContaining("unknown field 'energy'");
    assertThatThrownBy(() -> CostFiles.parse("{\"flops\": {\"linear\": {}}}", "c.json",
        CostKind.FLOPS, LAYOUT)).hasMessageContaining("positive total");
    assertThatThrownBy(() -> CostFiles.parse("{\"flops\": ", "c.json", CostKind.FLOPS, LAYOUT))
        .hasMessageContaining("not valid JSON (line 1)");
  }
}
