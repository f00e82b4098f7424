package io.qprune.solvers.local.nsga;

import io.qprune.api.blackbox.Pareto2d;
import java.util.List;

/** The hypervolume of a set of 2-objective points (both minimised) w.r.t. a reference point. */
public final class Hypervolume {
  private Hypervolume() {}

  /** See {@link Pareto2d#hypervolume}. */
  public static double of2d(List<double[]> points, double[] reference) {
    return Pareto2d.hypervolume(points, reference);
  }
}
