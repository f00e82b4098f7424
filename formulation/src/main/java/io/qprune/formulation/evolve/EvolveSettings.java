package io.qprune.formulation.evolve;

import io.qprune.api.InvalidInputException;
import io.qprune.api.config.ConfigValues;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The knobs of an evolutionary pruning run. {@code budget}: distinct mask evaluations over both
 * phases; {@code phase1Share} of them go to the threshold search; {@code anchorTolerance}: how much
 * worse than the best Phase-1 error the light anchor may be (f2 units; NaN: the task's default);
 * {@code validation}: validation images scored per mask (classification; 0 = all); {@code importance}:
 * magnitude (|w|), fisher (optimal-brain-damage saliency ½·w²·F from training batches; classifiers)
 * or auto (fisher for classifiers, magnitude for denoisers). The config keys are the components'
 * snake_case names ({@code phase1_share}, {@code anchor_tolerance}, ...).
 */
public record EvolveSettings(int budget, int population, double phase1Share, long seed, double anchorTolerance,
    double maxPrune, double flipRate, int validation, int checkpointEvery, String importance) {

  public EvolveSettings {
    if (budget < 4 || population < 4 || population > budget) {
      throw new InvalidInputException("evolve: need budget >= population >= 4, got budget " + budget
          + ", population " + population);
    }
    if (!(phase1Share > 0 && phase1Share < 1)) {
      throw new InvalidInputException("evolve: phase1_share must be in (0, 1), got " + phase1Share);
    }
    if (!(maxPrune > 0 && maxPrune <= 1)) {
      throw new InvalidInputException("evolve: max_prune must be in (0, 1], got " + maxPrune);
    }
    if (!(flipRate > 0 && flipRate <= 0.5)) {
      throw new InvalidInputException("evolve: flip_rate must be in (0, 0.5], got " + flipRate);
    }
    if (!Double.isNaN(anchorTolerance) && !(anchorTolerance >= 0)) {
      throw new InvalidInputException("evolve: anchor_tolerance must be >= 0, got " + anchorTolerance);
    }
    if (!importance.equals("auto") && !importance.equals("magnitude") && !importance.equals("fisher")) {
      throw new InvalidInputException("evolve: importance must be auto, magnitude (|w|) or fisher (OBD saliency"
          + " w^2 F / 2), got '" + importance + "'");
    }
    if (validation < 0 || checkpointEvery < 1) {
      throw new InvalidInputException("evolve: need validation >= 0 and checkpoint_every >= 1, got " + validation
          + " and " + checkpointEvery);
    }
  }

  /** The defaults: the run the closing figures come from. */
  public static EvolveSettings defaults() {
    return new EvolveSettings(1000, 40, 0.5, 1, Double.NaN, 0.995, 0.05, 1000, 1, "auto");
  }

  /**
   * The defaults overridden by the entries of an {@code evolve:} mapping as parsed from a file
   * ({@code source} names it in errors); unknown keys and wrong types are errors. A file's block is
   * read with the rest of its file by {@link io.qprune.api.config.ConfigFile}.
   */
  public static EvolveSettings from(Map<String, ?> m, String source) {
    return ConfigValues.fromMap(m, EvolveSettings.class, defaults(), source);
  }

  /** These settings with the given overrides (null keeps a value). */
  public EvolveSettings with(Integer budget, Integer population, Long seed) {
    return new EvolveSettings(budget == null ? this.budget : budget,
        population == null ? this.population : population, phase1Share, seed == null ? this.seed : seed,
        anchorTolerance, maxPrune, flipRate, validation, checkpointEvery, importance);
  }

  /** Evaluations for Phase 1 (at least one population). */
  public int phase1Budget() {
    return Math.max(population, (int) Math.round(budget * phase1Share));
  }

  /** As a map with the config's key names (for reports and the resume check). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("budget", budget);
    m.put("population", population);
    m.put("phase1_share", phase1Share);
    m.put("seed", seed);
    m.put("anchor_tolerance", Double.isNaN(anchorTolerance) ? "task default" : anchorTolerance);
    m.put("max_prune", maxPrune);
    m.put("flip_rate", flipRate);
    m.put("validation", validation);
    m.put("checkpoint_every", checkpointEvery);
    m.put("importance", importance);
    return m;
  }
}
