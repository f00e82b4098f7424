package io.qprune.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.qprune.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  record Inner(int budget, String optimizer) {
    Inner {
      if (budget < 1) {
        throw new InvalidInputException("inner.budget must be >= 1, got " + budget);
      }
    }
  }

  record Demo(String model, int threads, long seed, double sigma, Double timeLimit, boolean evaluate,
      Map<String, Object> solverParameters, Inner inner, List<Integer> items) {}

  static final Demo DEFAULTS = new Demo("default", 2, 1, 25, null, true, Map.of("num_reads", 8),
      new Inner(1300, "protes"), List.of());

  record Renamed(@JsonAlias("valCrops") int valCrops, int threads) {}

  @TempDir Path dir;

  private Demo load(String name, String text) throws Exception {
    return ConfigFile.read(Files.writeString(dir.resolve(name), text)).bind(Demo.class, DEFAULTS);
  }

  private void rejects(String yaml, String... parts) throws Exception {
    Path f = Files.writeString(dir.resolve("x.yaml"), yaml);
    assertThatThrownBy(() -> ConfigFile.read(f).bind(Demo.class, DEFAULTS)).isInstanceOf(InvalidInputException.class)
        .hasMessageContainingAll(parts);
  }

  @Test
  void givenKeysOverTheDefaultsAlikeInYamlAndJson() throws Exception {
    Demo y = load("c.yaml", "threads: 4\nsigma: 10\ninner:\n  budget: 50\nsolver_parameters: {}\ntime_limit: 2.5\n");
    Demo j = load("c.json", "{\"threads\": 4, \"sigma\": 10, \"inner\": {\"budget\": 50}, \"solver_parameters\": {},"
        + " \"time_limit\": 2.5}");
    assertThat(y).isEqualTo(j);
    assertThat(y.threads()).isEqualTo(4);
    assertThat(y.sigma()).as("a whole number is a number").isEqualTo(10.0);
    assertThat(y.inner()).as("a block keeps its other defaults").isEqualTo(new Inner(50, "protes"));
    assertThat(y.solverParameters()).as("a mapping is replaced whole").isEmpty();
    assertThat(y.model()).isEqualTo("default");
    assertThat(load("e.yaml", "# nothing\n")).isEqualTo(DEFAULTS);
    assertThat(load("n.yaml", "threads: null\n")).as("null keeps the default").isEqualTo(DEFAULTS);
  }

  @Test
  void wholeNumbersStayExactTo64Bits() throws Exception {
    for (long seed : new long[] {9_007_199_254_740_993L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertThat(load("s.yaml", "seed: " + seed + "\n").seed()).isEqualTo(seed);
      assertThat(load("s.json", "{\"seed\": " + seed + "}").seed()).isEqualTo(seed);
    }
    rejects("\nseed: 9223372036854775808\n", "x.yaml:2: 'seed' must be a whole number from " + Long.MIN_VALUE,
        "got 9223372036854775808");
  }

  @Test
  void unknownKeysNameTheFileTheLineAndTheKnownKeys() throws Exception {
    rejects("threads: 2\n\nthreds: 3\n", "x.yaml:3: unknown key 'threds'; allowed: model, threads, seed",
        "Maybe 'threads'?");
    rejects("inner:\n  budget: 5\n  optimiser: x\n", "x.yaml:3: unknown key 'optimiser' in 'inner'; allowed: budget,"
        + " optimizer.");
    rejects("inner:\n  budget: 0\n  optimizer: x\n  budjet: 1\n", "x.yaml:4: unknown key 'budjet' in 'inner'");
    rejects("items: [1]\nthreds: 3\n", "x.yaml:2: unknown key 'threds'");
  }

  @Test
  void wrongTypesAreNotCoerced() throws Exception {
    rejects("model: m\nthreads: \"2\"\n", "x.yaml:2: 'threads' must be a whole number, got \"2\" (write it without quotes)");
    rejects("threads: 2.5\n", "x.yaml:1: 'threads' must be a whole number, got 2.5");
    rejects("seed: 2.0\n", "x.yaml:1: 'seed' must be a whole number, got 2.0");
    rejects("sigma: '25'\n", "'sigma' must be a number, got \"25\"");
    rejects("evaluate: 1\n", "'evaluate' must be true or false, got 1");
    rejects("evaluate: \"yes\"\n", "'evaluate' must be true or false, got \"yes\"");
    rejects("model: 5\n", "x.yaml:1: 'model' must be text, got 5");
    rejects("solver_parameters: 3\n", "'solver_parameters' must be a mapping of name: value, got 3");
    rejects("inner:\n  budget: x\n", "x.yaml:2: 'inner.budget' must be a whole number, got \"x\"");
    rejects("items:\n  - 1\n  - two\n", "x.yaml:3: 'items[1]' must be a whole number, got \"two\"");
    rejects("inner: 7\n", "x.yaml:1: 'inner' must be a mapping of key: value, got 7");
    rejects("[1, 2]\n", "x.yaml: the file must hold a mapping of key: value, got [1,2]");
  }

  @Test
  void checksOfARecordAndSyntaxErrorsNameTheLine() throws Exception {
    rejects("threads: 1\ninner:\n  budget: 0\n", "x.yaml:2: inner.budget must be >= 1, got 0");
    rejects("threads: 1\nthreads: 2\n", "x.yaml:2: key 'threads' appears twice");
    rejects("threads: [1\nseed: 2\n", "x.yaml:2: not valid YAML");
    Path json = Files.writeString(dir.resolve("b.json"), "{\"threads\": 1,\n \"seed\": }");
    assertThatThrownBy(() -> ConfigFile.read(json)).hasMessageContaining("b.json:2: not valid JSON");
    assertThatThrownBy(() -> ConfigFile.read(dir.resolve("none.yaml"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("none.yaml does not exist");
  }

  @Test
  void oneKeyFromTheCommandLine() {
    Demo d = ConfigValues.with(DEFAULTS, Demo.class, "threads", "3", DEFAULTS);
    assertThat(d.threads()).as("text is read as the key's type").isEqualTo(3);
    assertThat(ConfigValues.with(d, Demo.class, "seed", "9223372036854775807", DEFAULTS).seed())
        .isEqualTo(Long.MAX_VALUE);
    assertThat(ConfigValues.with(d, Demo.class, "inner.budget", "40", DEFAULTS).inner())
        .isEqualTo(new Inner(40, "protes"));
    assertThat(ConfigValues.with(d, Demo.class, "solver_parameters", "{num_reads: 2, beta: 0.5}", DEFAULTS)
        .solverParameters()).isEqualTo(Map.of("num_reads", 2, "beta", 0.5));
    assertThat(ConfigValues.with(d, Demo.class, "threads", null, DEFAULTS)).isEqualTo(DEFAULTS);
    Demo timed = ConfigValues.with(d, Demo.class, "time_limit", 2.0, DEFAULTS);
    assertThat(ConfigValues.with(timed, Demo.class, "time_limit", null, DEFAULTS).timeLimit()).isNull();
    assertThatThrownBy(() -> ConfigValues.with(d, Demo.class, "thread", "3", DEFAULTS))
        .hasMessageContaining("unknown key 'thread'").hasMessageContaining("Maybe 'threads'?");
    assertThatThrownBy(() -> ConfigValues.with(d, Demo.class, "threads", "2.5", DEFAULTS))
        .hasMessageContaining("'threads' must be a whole number, got \"2.5\"");
    assertThatThrownBy(() -> ConfigValues.with(d, Demo.class, "inner.budget", 0, DEFAULTS))
        .hasMessageContaining("inner.budget must be >= 1");
  }

  @Test
  void anOldSpellingOfAKeyStillReads() {
    Renamed d = new Renamed(16, 2);
    assertThat(ConfigFile.parse("a.json", "{\"valCrops\": 4}").bind(Renamed.class, d)).isEqualTo(new Renamed(4, 2));
    assertThat(ConfigFile.parse("a.yaml", "val_crops: 4").bind(Renamed.class, d)).isEqualTo(new Renamed(4, 2));
    assertThat(ConfigValues.with(d, Renamed.class, "valCrops", "8", d)).isEqualTo(new Renamed(8, 2));
    assertThat(ConfigValues.toMap(d).keySet()).containsExactly("val_crops", "threads");
    assertThatThrownBy(() -> ConfigFile.parse("a.yaml", "val_crop: 4").bind(Renamed.class, d))
        .hasMessageContaining("a.yaml:1: unknown key 'val_crop'; allowed: val_crops, threads.");
  }

  @Test
  void recordsGoBackToOrderedMaps() {
    Map<String, Object> m = ConfigValues.toMap(DEFAULTS);
    assertThat(m.keySet()).containsExactly("model", "threads", "seed", "sigma", "time_limit", "evaluate",
        "solver_parameters", "inner", "items");
    assertThat(m.get("inner")).isEqualTo(Map.of("budget", 1300, "optimizer", "protes"));
    assertThat(ConfigValues.fromMap(m, Demo.class, null, "m")).isEqualTo(DEFAULTS);
  }
}
