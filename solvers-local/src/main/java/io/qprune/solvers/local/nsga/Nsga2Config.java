package io.qprune.solvers.local.nsga;

import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import java.util.List;

/** The validated parameters of an NSGA-II optimiser; a NaN mutation probability means 1 / genome length. */
record Nsga2Config(int population, int generations, double crossoverProb, double mutationProb, double etaC,
    double etaM, String binaryVariation, int maxStall, String sparseFlips, double flipRate) {

  static Nsga2Config defaults() {
    return new Nsga2Config(40, Integer.MAX_VALUE, 0.9, Double.NaN, 20, 20, "auto", 20, "one", 0.05);
  }

  /** Whether the SparseEA operators change a fraction of the candidate bits that adapts to success. */
  boolean adaptive() {
    return sparseFlips.equals("adaptive");
  }

  static List<ParameterSpec> specs() {
    Nsga2Config d = defaults();
    return List.of(
        ParameterSpec.integer("population", d.population, 2, 1_000_000, "individuals kept per generation (N)"),
        ParameterSpec.integer("generations", d.generations, 1, Integer.MAX_VALUE,
            "stop after this many generations past the initial population (the evaluation budget also stops)"),
        ParameterSpec.real("crossover_prob", d.crossoverProb, 0, 1, "probability a pair of parents is crossed"),
        ParameterSpec.real("mutation_prob", null, 0, 1,
            "per-gene mutation probability of polynomial and bit-flip mutation; auto = 1 / genome length"),
        ParameterSpec.real("eta_c", d.etaC, 0, 1000, "SBX distribution index (real genomes)"),
        ParameterSpec.real("eta_m", d.etaM, 0, 1000, "polynomial-mutation distribution index (real genomes)"),
        ParameterSpec.choice("binary_variation", d.binaryVariation, List.of("auto", "sparse", "uniform"),
            "binary operators: SparseEA's importance-guided ones (sparse; one bit per crossover and mutation),"
                + " uniform crossover with bit flips (uniform), or sparse when the problem has scores (auto)"),
        ParameterSpec.integer("max_stall", d.maxStall, 1, Integer.MAX_VALUE,
            "stop after this many generations in a row without a new distinct genome"),
        ParameterSpec.choice("sparse_flips", d.sparseFlips, List.of("one", "adaptive"),
            "bits the SparseEA operators change: one per operator (the original), or a fraction flip_rate of"
                + " the candidate bits (a tenth of it for mutation) adapted by the 1/5 success rule: times 1.5"
                + " after a generation where more than 1/5 of the offspring survived, else divided by 1.5^(1/4)"),
        ParameterSpec.real("flip_rate", d.flipRate, 1e-6, 0.5,
            "initial fraction of candidate bits changed per SparseEA operator when sparse_flips=adaptive"));
  }

  static Nsga2Config from(Parameters p) {
    return new Nsga2Config(p.getInt("population"), p.getInt("generations"), p.getDouble("crossover_prob"),
        p.has("mutation_prob") ? p.getDouble("mutation_prob") : Double.NaN, p.getDouble("eta_c"),
        p.getDouble("eta_m"), p.getString("binary_variation"), p.getInt("max_stall"), p.getString("sparse_flips"),
        p.getDouble("flip_rate"));
  }
}
