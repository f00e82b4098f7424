package io.qprune.solvers.local.nsga;

import io.qprune.api.InvalidInputException;
import io.qprune.api.blackbox.MultiObjectiveProblem;
import java.util.List;
import java.util.SplittableRandom;

/** How two parents make children: crossover (with the crossover probability), then mutation. */
interface Variation<G> {
  /**
   * One or two new children; the parents are left untouched. {@code rate}: the fraction of candidate
   * bits the adaptive SparseEA operators change (ignored by the others).
   */
  List<G> breed(G p1, G p2, double rate, SplittableRandom rng);

  /** SBX + polynomial mutation for real genomes; SparseEA's or uniform operators for binary ones. */
  @SuppressWarnings("unchecked")
  static <G> Variation<G> of(MultiObjectiveProblem<G> problem, Nsga2Config cfg) {
    int n = problem.length();
    double pm = Double.isNaN(cfg.mutationProb()) ? 1.0 / n : cfg.mutationProb();
    if (!problem.isBinary()) {
      double[] lo = new double[n];
      double[] hi = new double[n];
      for (int i = 0; i < n; i++) {
        lo[i] = problem.lower(i);
        hi[i] = problem.upper(i);
      }
      Sbx sbx = new Sbx(lo, hi, cfg.etaC());
      PolynomialMutation mutation = new PolynomialMutation(lo, hi, cfg.etaM(), pm);
      Variation<double[]> v = (a, b, rate, rng) -> {
        double[][] c = rng.nextDouble() < cfg.crossoverProb() ? sbx.cross(a, b, rng)
            : new double[][] {a.clone(), b.clone()};
        mutation.mutate(c[0], rng);
        mutation.mutate(c[1], rng);
        return List.of(c[0], c[1]);
      };
      return (Variation<G>) v;
    }
    double[] scores = problem.scores().orElse(null);
    String mode = cfg.binaryVariation().equals("auto") ? (scores != null ? "sparse" : "uniform")
        : cfg.binaryVariation();
    if (mode.equals("sparse")) {
      if (scores == null) {
        throw new InvalidInputException("binary_variation=sparse needs per-variable scores, but the problem has"
            + " none. Maybe give them with MultiObjectiveProblem.withScores, or set binary_variation=uniform");
      }
      SparseCrossover crossover = new SparseCrossover(scores);
      SparseMutation mutation = new SparseMutation(scores);
      boolean adaptive = cfg.adaptive();
      Variation<int[]> v = (a, b, rate, rng) -> {
        double r = adaptive ? rate : 0;
        int[] c = rng.nextDouble() < cfg.crossoverProb() ? crossover.cross(a, b, r, rng) : a.clone();
        mutation.mutate(c, r / 10, rng);
        return List.of(c);
      };
      return (Variation<G>) v;
    }
    UniformBitFlip ops = new UniformBitFlip(pm);
    Variation<int[]> v = (a, b, rate, rng) -> {
      int[][] c = rng.nextDouble() < cfg.crossoverProb() ? ops.cross(a, b, rng) : new int[][] {a.clone(), b.clone()};
      ops.mutate(c[0], rng);
      ops.mutate(c[1], rng);
      return List.of(c[0], c[1]);
    };
    return (Variation<G>) v;
  }
}
