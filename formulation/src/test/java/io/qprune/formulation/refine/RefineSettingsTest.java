package io.qprune.formulation.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.prune.PruneConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefineSettingsTest {
  @Test
  void defaultsAreOffEightLayersProtes() {
    RefineSettings d = PruneConfig.defaults().refine();
    assertThat(d).isEqualTo(RefineSettings.defaults());
    assertThat(d.enabled()).isFalse();
    assertThat(d.layers()).isEqualTo(8);
    assertThat(d.optimizer()).isEqualTo("protes");
  }

  @Test
  void aBlockOverridesTheDefaultsAndDottedKeysSetOneValue() {
    RefineSettings r = RefineSettings.parse(Map.of("enabled", true, "layers", "all", "budget", 300,
        "optimizer_parameters", Map.of("k", 20)));
    assertThat(r.enabled()).isTrue();
    assertThat(r.layers()).isZero();
    assertThat(r.budget()).isEqualTo(300);
    assertThat(r.parameters()).containsEntry("k", 20);
    assertThat(r.with("optimizer_parameters", "{k: 50, lr: 0.02}").parameters()).containsEntry("k", 50)
        .containsEntry("lr", 0.02);
    assertThat(r.valCrops()).isEqualTo(16);
    PruneConfig c = PruneConfig.defaults().with("refine.budget", "50").with("refine.layers", 16);
    assertThat(c.refine().budget()).isEqualTo(50);
    assertThat(c.refine().layers()).isEqualTo(16);
    assertThat(RefineSettings.parse(c.refine().asMap())).isEqualTo(c.refine());
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> RefineSettings.parse(Map.of("budjet", 3)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("budjet").hasMessageContaining("budget");
    assertThatThrownBy(() -> PruneConfig.defaults().with("refine.budget", 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("refine.budget");
    assertThatThrownBy(() -> PruneConfig.defaults().with("refine.layers", "some"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("refine.layers");
    assertThatThrownBy(() -> RefineSettings.parse(7)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'refine' must be a mapping");
  }
}
