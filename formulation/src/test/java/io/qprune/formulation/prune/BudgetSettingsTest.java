package io.qprune.formulation.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.cost.CostKind;
import org.junit.jupiter.api.Test;

class BudgetSettingsTest {
  @Test
  void aFlopsOrParamsKeyMakesTheSettingsBudgeted() {
    assertThat(PruneConfig.defaults().settings().budget()).isNull();
    PruneSettings s = PruneConfig.defaults().with("flops", 0.5).settings();
    assertThat(s.budget().kind()).isEqualTo(CostKind.FLOPS);
    assertThat(s.budget().fraction()).isEqualTo(0.5);
    assertThat(s.budget().tolerance()).isEqualTo(0.01);
    assertThat(s.withMethod(Method.HALP).budget()).isEqualTo(s.budget());
    assertThat(PruneConfig.defaults().with("params", "0.3").with("budget_tolerance", 0.02).budget().kind())
        .isEqualTo(CostKind.PARAMS);
  }

  @Test
  void aLatencyKeyIsTheBudgetAloneAndACapBesideFlopsOrParams() {
    PruneConfig alone = PruneConfig.defaults().with("latency", 0.6);
    assertThat(alone.budget().kind()).isEqualTo(CostKind.LATENCY);
    assertThat(alone.budget().fraction()).isEqualTo(0.6);
    assertThat(alone.latencyCap()).isNull();
    PruneConfig capped = PruneConfig.defaults().with("flops", 0.5).with("latency", 0.58);
    assertThat(capped.budget().kind()).isEqualTo(CostKind.FLOPS);
    assertThat(capped.latencyCap()).isEqualTo(0.58);
    assertThat(PruneConfig.defaults().latencyCap()).isNull();
    assertThat(PruneConfig.defaults().latencyCache()).isNull();
    assertThat(PruneConfig.defaults().with("latency_cache", "/tmp/f.json").latencyCache()).hasToString("/tmp/f.json");
    assertThatThrownBy(() -> PruneConfig.defaults().with("flops", 0.5).with("latency", 1.5).latencyCap())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("latency cap");
    assertThatThrownBy(() -> PruneConfig.defaults().with("latency", 0).budget())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("latency budget");
  }

  @Test
  void badBudgetsAreErrorsNamingThem() {
    assertThatThrownBy(() -> PruneConfig.defaults().with("flops", 0.5).with("params", 0.5))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> PruneConfig.defaults().with("flops", 1.5))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("flops budget");
    assertThatThrownBy(() -> Method.parse("knapsack")).hasMessageContaining("halp");
  }
}
