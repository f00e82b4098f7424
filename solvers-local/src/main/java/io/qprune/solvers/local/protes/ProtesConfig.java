package io.qprune.solvers.local.protes;

import io.qprune.api.InvalidInputException;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import java.util.List;

/** The validated parameters of a PROTES optimiser. */
record ProtesConfig(int k, int kTop, int kGd, double lr, int rank, double startEpsilon, double noise,
    int maxStall) {

  /** The defaults of the reference implementation (K, K_top, K_gd, lr, rank) plus ours. */
  static ProtesConfig defaults() {
    return new ProtesConfig(100, 10, 1, 0.05, 5, 0.1, 0.01, 20);
  }

  static List<ParameterSpec> specs() {
    ProtesConfig d = defaults();
    return List.of(
        ParameterSpec.integer("k", d.k, 1, 1_000_000, "samples drawn per iteration (K)"),
        ParameterSpec.integer("k_top", d.kTop, 1, 1_000_000,
            "best samples of each batch the distribution is fitted to (K_top ≤ K)"),
        ParameterSpec.integer("k_gd", d.kGd, 1, 10_000, "Adam steps per iteration (K_gd)"),
        ParameterSpec.real("lr", d.lr, 1e-12, 100, "Adam learning rate"),
        ParameterSpec.integer("rank", d.rank, 1, 256, "tensor-train rank r"),
        ParameterSpec.real("start_epsilon", d.startEpsilon, 1e-9, 0.999,
            "probability mass a start point's distribution puts off the start at each position"),
        ParameterSpec.real("noise", d.noise, 0, 1,
            "scale of the uniform noise that pads a start point's rank-1 train to the full rank"),
        ParameterSpec.integer("max_stall", d.maxStall, 1, Integer.MAX_VALUE,
            "stop after this many iterations in a row without a new distinct point"));
  }

  static ProtesConfig from(Parameters p) {
    ProtesConfig c = new ProtesConfig(p.getInt("k"), p.getInt("k_top"), p.getInt("k_gd"),
        p.getDouble("lr"), p.getInt("rank"), p.getDouble("start_epsilon"), p.getDouble("noise"),
        p.getInt("max_stall"));
    if (c.kTop > c.k) {
      throw new InvalidInputException("Parameter 'k_top' of '" + p.solver() + "' is " + c.kTop
          + " but only k = " + c.k + " samples are drawn per iteration. Maybe set k_top <= " + c.k);
    }
    return c;
  }
}
