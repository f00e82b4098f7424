package io.qprune.solvers.local.protes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.Vartype;
import io.qprune.api.blackbox.BlackBoxOptimizer;
import io.qprune.api.blackbox.BlackBoxProblem;
import io.qprune.api.blackbox.BlackBoxResult;
import io.qprune.api.blackbox.BlackBoxRun;
import io.qprune.api.blackbox.Objective;
import io.qprune.api.blackbox.Optimizers;
import io.qprune.api.testing.BruteForce;
import io.qprune.api.testing.RandomModels;
import io.qprune.solvers.local.internal.BinaryForm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProtesTest {
  static BlackBoxOptimizer protes(Map<String, ?> params) {
    return Optimizers.discover().create("protes", params);
  }

  static Objective energy(Qubo q) {
    return new QuboObjective(BinaryForm.of(q), q.toBinary().offset());
  }

  @Test
  void branchAndBoundAgreesWithBruteForce() {
    for (long seed = 1; seed <= 3; seed++) {
      Qubo q = RandomModels.dense(Vartype.BINARY, 14, 9, seed);
      assertThat(BranchAndBound.minimum(q)).isEqualTo(BruteForce.minimum(q));
    }
  }

  @Test
  void findsTheOptimumOfRandom30VariableModels() {
    for (long seed = 1; seed <= 3; seed++) {
      Qubo q = RandomModels.dense(Vartype.BINARY, 30, 9, 300 + seed);
      double opt = BranchAndBound.minimum(q);
      BlackBoxResult r = protes(Map.of()).minimise(BlackBoxProblem.binary(30), energy(q),
          BlackBoxRun.of(20_000, seed));
      System.out.printf("protes n=30 seed %d: %s after %d evaluations, %d iterations (%s); optimum %s%n",
          seed, r.bestValue(), r.evaluations(), r.iterations(), r.stopReason(), opt);
      assertThat(r.bestValue()).as("model %d", seed).isEqualTo(opt);
      assertThat(q.energy(r.best())).isEqualTo(opt);
    }
  }
}
