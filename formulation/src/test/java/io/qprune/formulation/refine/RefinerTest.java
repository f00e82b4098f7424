package io.qprune.formulation.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.formulation.capacity.LayerGuards;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.CostKind;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.formulation.cost.NetworkCosts;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.eval.MaskEvaluator;
import io.qprune.formulation.importance.UnitLayout;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.prune.CalibrationCrops;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refinement on a small untrained Half-UNet: exact count, never worse, resumable. */
class RefinerTest {
  static Denoiser model;
  static MaskEvaluator val;
  static Mask start;
  static Qubo qubo;

  @BeforeAll
  static void setUp() {
    Torch.configure(1);
    model = Denoiser.create(new ModelSpec(Architecture.HALF_UNET, 8, 2, ColorMode.GREY), 5);
    List<NoisyPair> crops = CalibrationCrops.of(ColorMode.GREY, 4, 32, new GaussianNoise(25), 2);
    val = new MaskEvaluator(model, crops);
    int n = model.units().size();
    SplittableRandom rng = new SplittableRandom(3);
    int[] bits = new int[n];
    for (int i = 0; i < n; i++) {
      bits[i] = i % 3 == 0 ? 0 : 1;
    }
    start = Mask.ofBits(bits);
    var b = Qubo.builder(n);
    for (int i = 0; i < n; i++) {
      b.addLinear(i, rng.nextDouble(-1, 1));
    }
    qubo = b.build();
  }

  @AfterAll
  static void tearDown() {
    val.close();
    model.close();
  }

  static RefineSettings settings(int layers, long budget) {
    return RefineSettings.defaults().with("enabled", true).with("layers", layers).with("budget", budget)
        .with("optimizer_parameters", Map.of("k", 12, "k_top", 3));
  }

  @Test
  void keepsTheCountAndTheOutsideAndNeverEndsWorse() {
    Refined r = new Refiner(settings(2, 40), 7).run(val, model.layers(), qubo, start, null, false,
        (i, e, b, p) -> { });
    assertThat(r.mask().kept()).isEqualTo(start.kept());
    assertThat(r.layers()).hasSize(2);
    assertThat(r.result().evaluations()).isLessThanOrEqualTo(40);
    assertThat(r.valAfter()).isGreaterThanOrEqualTo(r.valBefore());
    assertThat(r.valAfter()).isEqualTo(val.psnr(r.mask()));
    assertThat(r.valBefore()).isEqualTo(val.psnr(start));
    List<Layer> chosen = model.layers().stream().filter(l -> r.layers().contains(l.name())).toList();
    for (int u = 0; u < start.size(); u++) {
      final int unit = u;
      boolean inside = chosen.stream().anyMatch(l -> unit >= l.firstUnit() && unit < l.firstUnit() + l.units());
      if (!inside) {
        assertThat(r.mask().keeps(u)).as("unit %d outside the sub-problem", u).isEqualTo(start.keeps(u));
      }
    }
  }

  @Test
  void underABudgetEveryScoredMaskKeepsItWhateverItsCount() {
    MaskCost flops = NetworkCosts.of(model.spec(), CostKind.FLOPS);
    double full = flops.total();
    double f0 = flops.value(start) / full;
    Budget budget = new Budget(CostKind.FLOPS, Math.min(1, f0 / 0.975), 0.05);
    LayerGuards guards = LayerGuards.of(UnitLayout.of(model), 1, 1);
    List<Mask> scored = new java.util.ArrayList<>();
    Refiner.Scorer scorer = (sub, points) -> points.stream().mapToDouble(p -> {
      Mask m = sub.expand(p);
      scored.add(m);
      return val.psnr(m);
    }).toArray();
    Refined r = new Refiner(settings(3, 40), 7).withBudget(new Refiner.CostLimit(flops, budget, guards))
        .run(scorer, model.layers(), qubo, start, null, false, (i, e, b, p) -> { });
    assertThat(scored).hasSizeGreaterThan(5);
    for (Mask m : scored) {
      assertThat(budget.within(flops.value(m), full)).as("FLOPs %.4f of the budget %.4f", flops.value(m) / full,
          budget.fraction()).isTrue();
      assertThat(m.kept()).isGreaterThanOrEqualTo(model.layers().size());
    }
    assertThat(scored.stream().map(Mask::kept).distinct().count()).as("counts of the scored masks").isGreaterThan(1);
    assertThat(budget.within(flops.value(r.mask()), full)).isTrue();
    assertThat(r.valAfter()).isGreaterThanOrEqualTo(r.valBefore());
    assertThat(r.valAfter()).isEqualTo(val.psnr(r.mask()));
    List<Layer> chosen = model.layers().stream().filter(l -> r.layers().contains(l.name())).toList();
    for (int u = 0; u < start.size(); u++) {
      final int unit = u;
      if (chosen.stream().noneMatch(l -> unit >= l.firstUnit() && unit < l.firstUnit() + l.units())) {
        assertThat(r.mask().keeps(u)).as("unit %d outside the sub-problem", u).isEqualTo(start.keeps(u));
      }
    }
  }

  @Test
  void aStartAboveTheBudgetOrNoQuboIsAClearError() {
    MaskCost flops = NetworkCosts.of(model.spec(), CostKind.FLOPS);
    LayerGuards guards = LayerGuards.of(UnitLayout.of(model), 1, 1);
    double f0 = flops.value(start) / flops.total();
    Refiner tight = new Refiner(settings(0, 10), 1).withBudget(
        new Refiner.CostLimit(flops, new Budget(CostKind.FLOPS, f0 * 0.8, 0.01), guards));
    assertThatThrownBy(() -> tight.subProblem(model.layers(), qubo, start)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("above the").hasMessageContaining("budget");
    Refiner fits = new Refiner(settings(0, 10), 1).withBudget(
        new Refiner.CostLimit(flops, new Budget(CostKind.FLOPS, Math.min(1, f0 / 0.99), 0.02), guards));
    assertThatThrownBy(() -> fits.subProblem(model.layers(), null, start)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("qubo.json");
  }

  @Test
  void aKilledRunResumesToTheUninterruptedResult(@TempDir Path dir) {
    RefineSettings s = settings(0, 60);
    Refined whole = new Refiner(s, 11).run(val, model.layers(), qubo, start, dir.resolve("whole"), false,
        (i, e, b, p) -> { });
    Path killed = dir.resolve("killed");
    assertThatThrownBy(() -> new Refiner(s, 11).run(val, model.layers(), qubo, start, killed, false,
        (i, e, b, p) -> {
          if (i == 3) {
            throw new IllegalStateException("killed");
          }
        })).hasMessage("killed");
    assertThat(killed.resolve(Refiner.STATE)).exists();
    long[] fresh = {0};
    Refined resumed = new Refiner(s, 11).run(val, model.layers(), qubo, start, killed, true,
        (i, e, b, p) -> fresh[0]++);
    assertThat(resumed.mask()).isEqualTo(whole.mask());
    assertThat(resumed.valAfter()).isEqualTo(whole.valAfter());
    assertThat(resumed.result().evaluations()).isEqualTo(whole.result().evaluations());
    assertThat(resumed.result().trace()).isEqualTo(whole.result().trace());
    assertThat(fresh[0]).isLessThan(whole.result().iterations());
  }

  @Test
  void resumingWithOtherSettingsIsAClearError(@TempDir Path dir) {
    new Refiner(settings(0, 20), 1).run(val, model.layers(), qubo, start, dir, false, (i, e, b, p) -> { });
    assertThat(Files.exists(dir.resolve(Refiner.EVALUATIONS))).isTrue();
    assertThatThrownBy(() -> new Refiner(settings(0, 30), 1).run(val, model.layers(), qubo, start, dir,
        true, (i, e, b, p) -> { })).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'budget' is 20").hasMessageContaining("--resume");
  }

  @Test
  void choosingFewerLayersThanTheModelHasNeedsTheQubo() {
    assertThatThrownBy(() -> new Refiner(settings(1, 10), 1).subProblem(model.layers(), null, start))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("qubo.json");
  }
}
