package io.qprune.bench.solvers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Solvers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {
  @TempDir
  Path dir;

  @BeforeEach
  void instances() throws Exception {
    Files.createDirectories(dir.resolve("data/gset"));
    Files.writeString(dir.resolve("data/gset/G0"), "2 1\n1 2 1\n");
  }

  private Path plan(String yaml) throws Exception {
    Path p = Files.createDirectories(dir.resolve("plans")).resolve("p.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void readsEveryKeyWithPathsRelativeToThePlan() throws Exception {
    BenchPlan plan = PlanFile.read(plan("""
        # a comment
        solvers:
          - sa
          - name: sa
            label: sa-1thread
            parameters:
              num_threads: 1
              beta_range: [0.1, 3]
          - name: bqm-http
            parameters: {endpoint: "http://127.0.0.1:8000/sample"}
        instances:
          - ../data/gset/G0
          - ../data
        filter: 'G0|bqp50-.*'
        repeats: 3
        seed: 7
        time_limits: [0.5, 2]
        out: ../runs/x
        """));
    assertThat(plan.solvers()).extracting(SolverEntry::label).containsExactly("sa", "sa-1thread", "bqm-http");
    assertThat(plan.solvers().get(1).solver()).isEqualTo("sa");
    assertThat(plan.solvers().get(1).parameters()).isEqualTo(Map.of("num_threads", 1, "beta_range", List.of(0.1, 3)));
    assertThat(plan.solvers().get(1).origin()).isEqualTo("p.yaml line 4");
    assertThat(plan.solvers().get(2).parameters()).containsEntry("endpoint", "http://127.0.0.1:8000/sample");
    assertThat(plan.instances()).containsExactly(dir.resolve("data/gset/G0").toAbsolutePath(),
        dir.resolve("data").toAbsolutePath());
    assertThat(plan.filter()).isEqualTo("G0|bqp50-.*");
    assertThat(plan.repeats()).isEqualTo(3);
    assertThat(plan.seeds()).containsExactly(7L, 8L, 9L);
    assertThat(plan.timeLimits()).containsExactly(0.5, 2.0);
    assertThat(plan.out()).isEqualTo(dir.resolve("runs/x").toAbsolutePath());
  }

  @Test
  void missingKeysTakeTheDefaultsAndAScalarTimeLimitIsOne() throws Exception {
    BenchPlan plan = PlanFile.read(plan("solvers: [tabu]\ninstances: [../data]\ntime_limits: 4\n"));
    assertThat(plan.repeats()).isEqualTo(1);
    assertThat(plan.seed()).isEqualTo(1);
    assertThat(plan.timeLimits()).containsExactly(4.0);
    assertThat(plan.out()).isEqualTo(Path.of("runs/bench/solvers"));
    assertThat(plan.filter()).isNull();
  }

  private void assertError(String yaml, String... parts) throws Exception {
    Path p = plan(yaml);
    assertThatThrownBy(() -> PlanFile.read(p)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(p.toString()).hasMessageContainingAll(parts);
  }

  @Test
  void badPlansNameTheFileTheKeyAndTheLine() throws Exception {
    assertError("solvers: [sa]\ninstances: [../data]\nrepeat: 3\n", ":3:", "unknown key 'repeat'", "Maybe 'repeats'");
    assertError("solvers: [sa]\ninstances: [../data]\nrepeats: three\n", ":3:", "'repeats' must be a whole number",
        "three");
    assertError("solvers: [sa]\ninstances: [../data]\nrepeats: 0\n", ":3:", "'repeats'");
    assertError("solvers: [sa]\ninstances: [../data]\n\ntime_limits: [1, -2]\n", ":4:", "'time_limits'", "-2");
    assertError("solvers:\n  - name: sa\n    params: {x: 1}\ninstances: [../data]\n", ":3:", "unknown key 'params'",
        "allowed: name, label, parameters");
    assertError("solvers:\n  - label: fast\ninstances: [../data]\n", ":2:", "missing key 'name'");
    assertError("solvers: [sa]\ninstances:\n  - ../data\n  - ../nope\n", ":4:", "../nope", "does not exist");
    assertError("solvers: [sa, sa]\ninstances: [../data]\n", "label 'sa' appears twice", "p.yaml line 1");
    assertError("solvers: [sa]\ninstances: [../data]\nfilter: '(G'\n", "filter '(G'", "regular expression");
    assertError("solvers: [sa]\ninstances: [../data]\nseed: 1\nseed: 2\n", ":4:", "'seed' appears twice");
    assertError("solvers: [sa\ninstances: [../data]\n", ":2:", "not valid YAML");
    assertError("instances: [../data]\n", "p.yaml: missing key 'solvers'");
    assertError("solvers: []\ninstances: [../data]\n", ":1:", "'solvers' must be a non-empty list");
    assertError("solvers: [sa]\ninstances: [../data]\nrepeats: '3'\n", ":3:", "'repeats' must be a whole number, got \"3\"",
        "without quotes");
    assertError("solvers:\n  - name: sa\n    parameters: 3\ninstances: [../data]\n", ":3:",
        "'solvers[0].parameters' must be a mapping of name: value, got 3");
  }

  @Test
  void remoteSolversArePlannedWithTheirSettingsAsParametersAndCheckedUpFront() throws Exception {
    BenchPlan ok = PlanFile.read(plan("""
        solvers:
          - name: bqm-http
            label: local-sampler
            parameters: {endpoint: "http://127.0.0.1:1/sample", max_retries: 0}
        instances: [../data]
        """));
    assertThat(new SolverBench(Solvers.discover(), ok).createSolvers()).hasSize(1); // nothing is sent yet
    BenchPlan bad = PlanFile.read(plan("""
        solvers:
          - sa
          - name: bqm-http
            parameters: {endpont: "http://127.0.0.1:1/sample"}
        instances: [../data]
        """));
    assertThatThrownBy(() -> new SolverBench(Solvers.discover(), bad).createSolvers())
        .isInstanceOf(InvalidInputException.class).hasMessageContainingAll("'bqm-http' (p.yaml line 3)", "endpont");
  }

  @Test
  void theExamplePlanReadsWhenTheSharedDataIsThere() {
    Path example = Path.of("plans/example.yaml");
    assumeTrue(Files.exists(Path.of("../../shared/data/qubo/gset/G22.gz")), "shared data not available");
    BenchPlan plan = PlanFile.read(example);
    assertThat(plan.solvers()).extracting(SolverEntry::label).containsExactly("sa", "tabu");
    assertThat(plan.repeats()).isEqualTo(3);
    assertThat(plan.instances()).hasSize(3).allMatch(Files::exists);
  }
}
