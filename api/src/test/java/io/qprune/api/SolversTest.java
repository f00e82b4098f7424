package io.qprune.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SolversTest {
  /** A provider whose solver returns the all-zero sample: enough to test the registry. */
  static final class ZeroProvider implements SolverProvider {
    @Override
    public String name() {
      return "zero";
    }

    @Override
    public String description() {
      return "returns the all-zero assignment";
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of(ParameterSpec.integer("num_reads", 1, 1, 10, "rows"));
    }

    @Override
    public Set<Capability> capabilities() {
      return Set.of();
    }

    @Override
    public Solver create(Parameters p) {
      int reads = p.getInt("num_reads");
      return new Solver() {
        @Override
        public String name() {
          return "zero";
        }

        @Override
        public SampleSet solve(Qubo model, SolveRequest request) {
          SampleSetBuilder b = SampleSet.builder(model);
          int[] x = new int[model.numVariables()];
          java.util.Arrays.fill(x, model.vartype().low());
          for (int r = 0; r < reads; r++) {
            b.add(x, model.energy(x), 1);
          }
          return b.build();
        }
      };
    }
  }

  @Test
  void unknownNamesListTheKnownOnesAndSuggest() {
    Solvers s = Solvers.of(List.of(new ZeroProvider()));
    assertThatThrownBy(() -> s.provider("zer")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown solver 'zer'").hasMessageContaining("Known solvers: zero")
        .hasMessageContaining("Maybe 'zero'");
  }

  @Test
  void createdSolversCarryTimingAndRefuseUnsupportedConstraints() {
    Solvers s = Solvers.of(List.of(new ZeroProvider()));
    Solver z = s.create(SolverConfig.of("zero").withParameters(Map.of("num_reads", 3)));
    Qubo q = Qubo.builder(3).addLinear(0, 1).build();
    SampleSet set = z.solve(q, SolveRequest.seeded(1));
    assertThat(set.size()).isEqualTo(3);
    assertThat(set.info().solver()).isEqualTo("zero");
    assertThat(set.info().totalSeconds()).isNotNaN();
    assertThatThrownBy(() -> z.solve(q, SolveRequest.seeded(1).withCardinality(Cardinality.exactly(1))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("exact-cardinality");
    assertThatThrownBy(() -> s.create("zero", Map.of("num_reads", 11)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("[1, 10]");
  }
}
