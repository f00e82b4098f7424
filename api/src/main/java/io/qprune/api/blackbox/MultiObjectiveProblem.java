package io.qprune.api.blackbox;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a multi-objective search explores: binary genomes ({@code int[]} of 0/1) or real genomes
 * ({@code double[]} within per-gene bounds), how many objectives each genome is scored on (all
 * minimised), optionally SparseEA's per-variable scores for binary genomes and a reference point
 * for the 2-objective hypervolume.
 *
 * @param <G> the genome type: {@code int[]} for binary problems, {@code double[]} for real ones
 */
public final class MultiObjectiveProblem<G> {
  private final int length;
  private final int objectives;
  private final double[] lower;
  private final double[] upper;
  private final double[] scores;
  private final double[] reference;
  private final List<G> start;

  private MultiObjectiveProblem(int length, int objectives, double[] lower, double[] upper, double[] scores,
      double[] reference) {
    this(length, objectives, lower, upper, scores, reference, List.of());
  }

  private MultiObjectiveProblem(int length, int objectives, double[] lower, double[] upper, double[] scores,
      double[] reference, List<G> start) {
    if (length < 1) {
      throw new InvalidInputException("A genome needs at least 1 gene, got " + length);
    }
    if (objectives < 2) {
      throw new InvalidInputException("A multi-objective problem needs at least 2 objectives, got " + objectives
          + ". Maybe use a single-objective BlackBoxOptimizer instead");
    }
    this.length = length;
    this.objectives = objectives;
    this.lower = lower;
    this.upper = upper;
    this.scores = scores;
    this.reference = reference;
    this.start = start;
  }

  /** Genomes of {@code length} bits scored on {@code objectives} objectives. */
  public static MultiObjectiveProblem<int[]> binary(int length, int objectives) {
    return new MultiObjectiveProblem<>(length, objectives, null, null, null, null);
  }

  /** Real genomes, gene i within [lower[i], upper[i]], scored on {@code objectives} objectives. */
  public static MultiObjectiveProblem<double[]> real(double[] lower, double[] upper, int objectives) {
    if (lower.length != upper.length) {
      throw new InvalidInputException("The genome has " + lower.length + " lower bounds but " + upper.length
          + " upper bounds; give one of each per gene");
    }
    for (int i = 0; i < lower.length; i++) {
      if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i]) || lower[i] > upper[i]) {
        throw new InvalidInputException("Gene " + i + " has bounds [" + lower[i] + ", " + upper[i]
            + "]; bounds must be finite with lower <= upper");
      }
    }
    return new MultiObjectiveProblem<>(lower.length, objectives, lower.clone(), upper.clone(), null, null);
  }

  /**
   * A copy with SparseEA's per-variable scores (binary genomes only): lower means more important,
   * so pass e.g. −|w| or an importance rank; importance-guided operators need them.
   */
  public MultiObjectiveProblem<G> withScores(double[] perGene) {
    if (!isBinary()) {
      throw new InvalidInputException("Per-variable scores guide binary genomes only; this problem is real");
    }
    if (perGene.length != length) {
      throw new InvalidInputException("Got " + perGene.length + " scores for a genome of " + length + " bits");
    }
    for (int i = 0; i < perGene.length; i++) {
      if (!Double.isFinite(perGene[i])) {
        throw new InvalidInputException("The score of bit " + i + " is " + perGene[i] + "; scores must be finite");
      }
    }
    return new MultiObjectiveProblem<>(length, objectives, lower, upper, perGene.clone(), reference, start);
  }

  /** A copy whose optimisers report the hypervolume w.r.t. (r1, r2); 2 objectives only. */
  public MultiObjectiveProblem<G> withReference(double r1, double r2) {
    if (objectives != 2) {
      throw new InvalidInputException("A hypervolume reference point needs 2 objectives; this problem has "
          + objectives);
    }
    if (!Double.isFinite(r1) || !Double.isFinite(r2)) {
      throw new InvalidInputException("The reference point (" + r1 + ", " + r2 + ") must be finite");
    }
    return new MultiObjectiveProblem<>(length, objectives, lower, upper, scores, new double[] {r1, r2}, start);
  }

  /**
   * A copy whose optimisers put these genomes (copied, checked against the genome's shape) into the
   * initial population before any random ones: a problem-specific initialisation.
   */
  @SuppressWarnings("unchecked")
  public MultiObjectiveProblem<G> withStart(List<G> genomes) {
    List<G> copies = new ArrayList<>();
    int k = 0;
    for (G g : genomes) {
      if (g instanceof int[]) {
        int[] x = (int[]) g;
        if (!isBinary() || x.length != length) {
          throw new InvalidInputException("Start genome " + k + " is " + x.length + " bits; this problem takes "
              + (isBinary() ? length + " bits" : length + " reals"));
        }
        for (int v : x) {
          if (v != 0 && v != 1) {
            throw new InvalidInputException("Start genome " + k + " holds " + v + "; bits must be 0 or 1");
          }
        }
        copies.add((G) x.clone());
      } else if (g instanceof double[]) {
        double[] x = (double[]) g;
        if (isBinary() || x.length != length) {
          throw new InvalidInputException("Start genome " + k + " is " + x.length + " reals; this problem takes "
              + (isBinary() ? length + " bits" : length + " reals"));
        }
        for (int i = 0; i < length; i++) {
          if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
            throw new InvalidInputException("Start genome " + k + " has gene " + i + " = " + x[i] + " outside ["
                + lower[i] + ", " + upper[i] + "]");
          }
        }
        copies.add((G) x.clone());
      } else {
        throw new InvalidInputException("A genome must be an int[] or a double[], got "
            + (g == null ? "null" : g.getClass().getName()));
      }
      k++;
    }
    return new MultiObjectiveProblem<>(length, objectives, lower, upper, scores, reference,
        Collections.unmodifiableList(copies));
  }

  /** The genomes the initial population starts with (may be empty); do not modify them. */
  public List<G> start() {
    return start;
  }

  /** Whether genomes are bit strings ({@code int[]}); otherwise they are {@code double[]}. */
  public boolean isBinary() {
    return lower == null;
  }

  /** The number of genes (bits or reals) per genome. */
  public int length() {
    return length;
  }

  public int objectives() {
    return objectives;
  }

  /** The lower bound of gene i (0 for bits). */
  public double lower(int i) {
    return isBinary() ? 0 : lower[i];
  }

  /** The upper bound of gene i (1 for bits). */
  public double upper(int i) {
    return isBinary() ? 1 : upper[i];
  }

  /** A copy of the per-variable scores, if given. */
  public Optional<double[]> scores() {
    return Optional.ofNullable(scores == null ? null : scores.clone());
  }

  /** A copy of the hypervolume reference point, if given. */
  public Optional<double[]> reference() {
    return Optional.ofNullable(reference == null ? null : reference.clone());
  }

  @Override
  public String toString() {
    return "MultiObjectiveProblem[" + (isBinary() ? "binary" : "real") + ", length=" + length + ", objectives="
        + objectives + (scores != null ? ", scores" : "")
        + (reference != null ? ", reference=(" + reference[0] + ", " + reference[1] + ")" : "")
        + (start.isEmpty() ? "" : ", start=" + start.size()) + "]";
  }
}
