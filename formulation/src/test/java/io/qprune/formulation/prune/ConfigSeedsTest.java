package io.qprune.formulation.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.evolve.EvolveSettings;
import io.qprune.formulation.refine.RefineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 64-bit whole numbers in the formulation's config parsers survive exactly (no detour through double). */
class ConfigSeedsTest {
  /** 2^53 + 1 rounds to 2^53 in a double; Long.MAX_VALUE to 2^63, which is out of range. */
  static final long[] SEEDS = {9_007_199_254_740_993L, Long.MAX_VALUE, 8_646_911_284_551_352_321L};

  @TempDir Path dir;

  @Test
  void aPruneConfigKeeps63BitSeedsExactlyInYamlJsonAndFromTheCommandLine() throws Exception {
    for (long seed : SEEDS) {
      Path y = Files.writeString(dir.resolve("p.yaml"), "seed: " + seed + "\neval_seed: " + (seed - 1) + "\n");
      Path j = Files.writeString(dir.resolve("p.json"), "{\"seed\": " + seed + ", \"eval_seed\": " + (seed - 1) + "}");
      for (PruneConfig c : new PruneConfig[] {PruneConfig.load(y), PruneConfig.load(j),
          PruneConfig.defaults().with("seed", Long.toString(seed)).with("eval_seed", Long.toString(seed - 1))}) {
        assertThat(c.seed()).isEqualTo(seed);
        assertThat(c.evalSeed()).isEqualTo(seed - 1);
      }
    }
    assertThat(PruneConfig.defaults().seed()).isEqualTo(1);
  }

  @Test
  void aPruneConfigSeedThatIsNotWholeIsNamed() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.yaml"), "seed: 2.5\n");
    assertThatThrownBy(() -> PruneConfig.load(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.yaml:1: 'seed' must be a whole number, got 2.5");
    Path text = Files.writeString(dir.resolve("text.yaml"), "eval_seed: one\n");
    assertThatThrownBy(() -> PruneConfig.load(text)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("text.yaml:1: 'eval_seed' must be a whole number, got \"one\"");
    Path quoted = Files.writeString(dir.resolve("quoted.yaml"), "sparsity: 0.5\nseed: '7'\n");
    assertThatThrownBy(() -> PruneConfig.load(quoted)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quoted.yaml:2: 'seed' must be a whole number, got \"7\" (write it without quotes)");
  }

  @Test
  void refineBudgetsAreExactWholeNumbers() {
    long big = 9_007_199_254_740_993L;
    assertThat(RefineSettings.parse(Map.of("budget", big)).budget()).isEqualTo(big);
    assertThat(RefineSettings.parse(Map.of("budget", "300")).budget()).isEqualTo(300);
    assertThatThrownBy(() -> RefineSettings.parse(Map.of("budget", 2.5))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'refine.budget' must be a whole number, got 2.5");
  }

  @Test
  void anEvolveSeedIsExactAndWrongTypesAreNamed() {
    for (long seed : SEEDS) {
      assertThat(EvolveSettings.from(Map.of("seed", seed), "e.yaml").seed()).isEqualTo(seed);
    }
    assertThatThrownBy(() -> EvolveSettings.from(Map.of("seed", "7"), "e.yaml"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("e.yaml: 'seed' must be a whole number, got \"7\"");
    assertThatThrownBy(() -> EvolveSettings.from(Map.of("budget", 5_000_000_000L), "e.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'budget' must be a whole number from -2147483648 to 2147483647, got 5000000000");
    assertThatThrownBy(() -> EvolveSettings.from(Map.of("budget", 200.0), "e.yaml"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'budget' must be a whole number, got 200.0");
  }
}
