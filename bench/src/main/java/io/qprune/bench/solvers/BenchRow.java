package io.qprune.bench.solvers;

/**
 * One solver run on one instance: the best objective in the file's own convention, the gap to
 * the best-known value (null when unknown; positive means worse), timing (wall, and the
 * service's own figure for remote solvers that report one), and the solver's search rate (SA
 * sweeps, tabu moves or descent flips per second, over all its threads).
 */
public record BenchRow(String instance, int variables, String solver, String label, int repeat, long seed,
    double timeLimitSeconds, double objective, boolean maximise, Double bestKnown, double timeToBestSeconds,
    double totalSeconds, Double serviceSeconds, double rate, String rateUnit) implements java.io.Serializable {

  /** The campaign cell this run fills. */
  public Cell cell() {
    return new Cell(instance, label, repeat, seed, timeLimitSeconds);
  }

  /** How far the result is from the best-known value, in objective units (≤ 0: reached it). */
  public Double gap() {
    if (bestKnown == null) {
      return null;
    }
    return maximise ? bestKnown - objective : objective - bestKnown;
  }

  /** The gap as a percentage of |best known| (null when unknown or the best known is 0). */
  public Double gapPercent() {
    Double g = gap();
    return g == null || bestKnown == 0 ? null : 100.0 * g / Math.abs(bestKnown);
  }

  /** Whether the best-known value was reached (or beaten). */
  public boolean reachedBestKnown() {
    Double g = gap();
    return g != null && g <= 1e-9 * Math.max(1, Math.abs(bestKnown));
  }
}
