package io.qprune.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {
  static final List<ParameterSpec> SPECS = List.of(
      ParameterSpec.integer("num_reads", 10, 1, 1000, "reads"),
      ParameterSpec.real("beta", 1.0, 0.0, 100.0, "beta"),
      ParameterSpec.bool("polish", true, "polish"),
      ParameterSpec.choice("schedule", "geometric", List.of("geometric", "linear"), "schedule"),
      ParameterSpec.doubles("beta_range", null, 2, 0.0, 1e9, "range"),
      ParameterSpec.intMatrix("initial_states", "states"));

  @Test
  void fillsDefaultsAndCoercesCommandLineStrings() {
    Parameters p = Parameters.validate("sa", SPECS, Map.of("num_reads", "1e2", "beta_range", "0.5,3",
        "polish", "false", "schedule", "LINEAR", "initial_states", "0,1;1,0"));
    assertThat(p.getInt("num_reads")).isEqualTo(100);
    assertThat(p.getDouble("beta")).isEqualTo(1.0);
    assertThat(p.getBoolean("polish")).isFalse();
    assertThat(p.getString("schedule")).isEqualTo("linear");
    assertThat(p.getDoubles("beta_range")).containsExactly(0.5, 3.0);
    assertThat(p.getIntMatrix("initial_states")).isDeepEqualTo(new int[][] {{0, 1}, {1, 0}});
    assertThat(p.isGiven("num_reads")).isTrue();
    assertThat(p.isGiven("beta")).isFalse();
    Parameters d = Parameters.validate("sa", SPECS, Map.of());
    assertThat(d.has("beta_range")).isFalse();
    assertThat(d.getDoubles("beta_range")).isNull();
  }

  @Test
  void rejectsWithMessagesThatNameTheValueAndTheFix() {
    assertThatThrownBy(() -> Parameters.validate("sa", SPECS, Map.of("num_read", 5)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'num_read'").hasMessageContaining("Maybe 'num_reads'");
    assertThatThrownBy(() -> Parameters.validate("sa", SPECS, Map.of("num_reads", 0)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("is 0")
        .hasMessageContaining("[1, 1000]");
    assertThatThrownBy(() -> Parameters.validate("sa", SPECS, Map.of("num_reads", 2.5)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> Parameters.validate("sa", SPECS, Map.of("num_reads", "ten")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'ten'");
    assertThatThrownBy(() -> Parameters.validate("sa", SPECS, Map.of("schedule", "geometrc")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Maybe 'geometric'");
    assertThatThrownBy(() -> Parameters.validate("sa", SPECS, Map.of("beta_range", List.of(1.0))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("exactly 2");
    assertThatThrownBy(() -> Parameters.validate("sa", SPECS, Map.of("beta", "NaN")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Parameters.validate("sa", SPECS, Map.of("polish", "maybe")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("true or false");
  }
}
