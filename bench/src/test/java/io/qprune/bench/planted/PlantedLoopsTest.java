package io.qprune.bench.planted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solvers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlantedLoopsTest {

  @Test
  void thePlantedStateHasTheGroundEnergyOfTheFormula() {
    for (long seed = 1; seed <= 3; seed++) {
      PlantedLoops.Instance inst = PlantedLoops.generate(6, 0.5, 1, 0, PlantedLoops.Rule.REDRAW, seed);
      assertThat(inst.model().energy(inst.planted())).isEqualTo(inst.groundEnergy());
      assertThat(inst.loops()).isEqualTo(108);
      assertThat(inst.meanLength()).isGreaterThanOrEqualTo(4);
      inst.model().forEachInteraction((i, j, b) -> assertThat(Math.abs(b)).isLessThanOrEqualTo(1.0));
    }
  }

  @Test
  void aMinimumLengthRedrawsShortLoopsAndKeepsTheFormula() {
    PlantedLoops.Instance inst = PlantedLoops.generate(6, 0.1, 1, 8, PlantedLoops.Rule.AVOID, 4);
    assertThat(inst.meanLength()).isGreaterThanOrEqualTo(8);
    assertThat(inst.model().energy(inst.planted())).isEqualTo(inst.groundEnergy());
    PlantedLoops.Instance small = PlantedLoops.generate(3, 0.2, 1, 6, PlantedLoops.Rule.REDRAW, 4);
    double min = Solvers.discover().create("exact", Map.of()).solve(small.model(), SolveRequest.seeded(1))
        .first().energy();
    assertThat(min).isEqualTo(small.groundEnergy());
  }

  @Test
  void underTheAvoidRuleEachEdgeIsInOneLoopAtRangeOneAndLoopsGrowLonger() {
    PlantedLoops.Instance avoid = PlantedLoops.generate(8, 0.25, 1, 0, PlantedLoops.Rule.AVOID, 5);
    PlantedLoops.Instance redraw = PlantedLoops.generate(8, 0.25, 1, 0, PlantedLoops.Rule.REDRAW, 5);
    // no cancellation: every loop edge stays a coupling, so the couplings count the loops' edges
    assertThat((double) avoid.model().numInteractions()).isEqualTo(avoid.loops() * avoid.meanLength());
    assertThat(avoid.meanLength()).isGreaterThan(redraw.meanLength() + 0.5);
    assertThat(avoid.model().energy(avoid.planted())).isEqualTo(avoid.groundEnergy());
    PlantedLoops.Instance wide = PlantedLoops.generate(4, 1.0, 3, 0, PlantedLoops.Rule.REDRAW, 2);
    assertThat(wide.model().energy(wide.planted())).isEqualTo(wide.groundEnergy());
  }

  @Test
  void exhaustiveSearchFindsNothingBelowThePlantedEnergy() {
    // 27 spins: small enough for the exact solver, which proves the formula is the minimum
    for (long seed = 1; seed <= 2; seed++) {
      PlantedLoops.Instance inst = PlantedLoops.generate(3, 0.3, 1, seed);
      Qubo q = inst.model();
      double min = Solvers.discover().create("exact", Map.of()).solve(q, SolveRequest.seeded(1)).first().energy();
      assertThat(min).as("seed %d", seed).isEqualTo(inst.groundEnergy());
      assertThat(inst.groundEnergy()).isNegative();
    }
  }

  @Test
  void aSeedGivesTheSameInstanceAndAWiderRangeAllowsStrongerCouplings() {
    assertThat(PlantedLoops.generate(5, 0.25, 1, 9).model()).isEqualTo(PlantedLoops.generate(5, 0.25, 1, 9).model());
    assertThat(PlantedLoops.generate(5, 0.25, 1, 9).model()).isNotEqualTo(PlantedLoops.generate(5, 0.25, 1, 10).model());
    PlantedLoops.Instance wide = PlantedLoops.generate(4, 1.0, 3, 2);
    assertThat(wide.model().energy(wide.planted())).isEqualTo(wide.groundEnergy());
    double[] max = {0};
    wide.model().forEachInteraction((i, j, b) -> max[0] = Math.max(max[0], Math.abs(b)));
    assertThat(max[0]).isGreaterThan(1).isLessThanOrEqualTo(3);
  }

  @Test
  void rejectsBadSizesAlphasAndRanges() {
    assertThatThrownBy(() -> PlantedLoops.generate(2, 0.25, 1, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--size 2");
    assertThatThrownBy(() -> PlantedLoops.generate(8, 0, 1, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--alpha");
    assertThatThrownBy(() -> PlantedLoops.generate(8, 0.25, 0, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--range 0");
    assertThatThrownBy(() -> PlantedLoops.generate(3, 10, 1, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("too dense");
  }
}
