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
    assertThatThrownBy(() -> CostFiles.parse("{\"flops\": {}, \"latency\": {}}", "c.json",
        CostKind.FLOPS, LAYOUT)).hasMessageContaining("unknown field 'latency'");
    assertThatThrownBy(() -> CostFiles.parse("{\"flops\": {\"linear\": {}}}", "c.json",
        CostKind.FLOPS, LAYOUT)).hasMessageContaining("positive total");
    assertThatThrownBy(() -> CostFiles.parse("{\"flops\": ", "c.json", CostKind.FLOPS, LAYOUT))
        .hasMessageContaining("not valid JSON (line 1)");
  }
}
