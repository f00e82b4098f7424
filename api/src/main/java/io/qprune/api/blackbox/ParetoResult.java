package io.qprune.api.blackbox;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a multi-objective optimisation found: its non-dominated genomes with their objective
 * vectors, how many distinct genomes were evaluated, the generations run, why it stopped, and the
 * hypervolume of the front after each generation (entry 0: the initial population; empty when the
 * problem has no reference point).
 *
 * @param <G> the genome type: {@code int[]} for binary problems, {@code double[]} for real ones
 */
public final class ParetoResult<G> {
  private final List<G> genomes;
  private final List<double[]> objectives;
  private final long evaluations;
  private final int generations;
  private final String stopReason;
  private final double seconds;
  private final List<Double> hypervolume;

  public ParetoResult(List<G> genomes, List<double[]> objectives, long evaluations, int generations,
      String stopReason, double seconds, List<Double> hypervolume) {
    if (genomes.size() != objectives.size()) {
      throw new InvalidInputException("A Pareto result got " + genomes.size() + " genomes but "
          + objectives.size() + " objective vectors; give one vector per genome");
    }
    this.genomes = new ArrayList<>(genomes.size());
    for (G g : genomes) {
      this.genomes.add(copy(g));
    }
    this.objectives = new ArrayList<>(objectives.size());
    for (double[] f : objectives) {
      this.objectives.add(f.clone());
    }
    this.evaluations = evaluations;
    this.generations = generations;
    this.stopReason = stopReason;
    this.seconds = seconds;
    this.hypervolume = List.copyOf(hypervolume);
  }

  /** The number of non-dominated genomes. */
  public int size() {
    return genomes.size();
  }

  /** A copy of non-dominated genome i. */
  public G genome(int i) {
    return copy(genomes.get(i));
  }

  /** A copy of genome i's objective vector. */
  public double[] objectives(int i) {
    return objectives.get(i).clone();
  }

  /** Copies of all objective vectors, in the order of the genomes. */
  public List<double[]> front() {
    List<double[]> out = new ArrayList<>(objectives.size());
    for (double[] f : objectives) {
      out.add(f.clone());
    }
    return out;
  }

  public long evaluations() {
    return evaluations;
  }

  /** Generations run after the initial population. */
  public int generations() {
    return generations;
  }

  public String stopReason() {
    return stopReason;
  }

  public double seconds() {
    return seconds;
  }

  /** The hypervolume of the front after each generation, starting with the initial population. */
  public List<Double> hypervolume() {
    return hypervolume;
  }

  @SuppressWarnings("unchecked")
  private static <G> G copy(G g) {
    if (g instanceof int[]) {
      return (G) ((int[]) g).clone();
    }
    if (g instanceof double[]) {
      return (G) ((double[]) g).clone();
    }
    throw new InvalidInputException("A genome must be an int[] or a double[], got "
        + (g == null ? "null" : g.getClass().getName()));
  }

  @Override
  public String toString() {
    return "ParetoResult[" + genomes.size() + " non-dominated, " + evaluations + " evaluations, " + generations
        + " generations, stop=" + stopReason + "]";
  }
}
