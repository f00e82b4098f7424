package io.qprune.api.io;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import java.util.Objects;

/**
 * One problem instance loaded from a file: a name, the minimisation model, and the file format,
 * which fixes how energies translate into the objective the file's community reports.
 */
public final class Problem {
  private final String name;
  private final Qubo qubo;
  private final ProblemFormat format;

  private Problem(String name, Qubo qubo, ProblemFormat format) {
    this.name = name;
    this.qubo = qubo;
    this.format = format;
  }

  /** A problem from a model, e.g. to write it in another format. */
  public static Problem of(String name, Qubo qubo, ProblemFormat format) {
    if (name == null || name.isBlank() || qubo == null || format == null) {
      throw new InvalidInputException("A problem needs a non-blank name, a model and a format; got "
          + "name " + (name == null ? "null" : "'" + name + "'") + ", model " + qubo
          + ", format " + format);
    }
    return new Problem(name, qubo, format);
  }

  /** The same model in another format (the objective convention follows the format). */
  public Problem withFormat(ProblemFormat newFormat) {
    return of(name, qubo, newFormat);
  }

  /** E.g. {@code "bqp250-3"} (OR-Library: file and 1-based instance), {@code "G22"}, {@code "k12"}. */
  public String name() {
    return name;
  }

  /** The model, always minimised; its energy includes the offset. */
  public Qubo qubo() {
    return qubo;
  }

  public ProblemFormat format() {
    return format;
  }

  /** Whether the format's objective is maximised (OR-Library xᵀQx, Gset cut weight). */
  public boolean maximise() {
    return format == ProblemFormat.ORLIB || format == ProblemFormat.GSET;
  }

  /** An energy as the file's own objective: {@code -energy} for OR-Library and Gset, else the energy. */
  public double objective(double energy) {
    return maximise() ? 0.0 - energy : energy;
  }

  /** What {@link #objective} measures: "energy", "x'Qx (max)" or "cut weight (max)". */
  public String objectiveName() {
    switch (format) {
      case ORLIB:
        return "x'Qx (max)";
      case GSET:
        return "cut weight (max)";
      default:
        return "energy";
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem p && name.equals(p.name) && qubo.equals(p.qubo) && format == p.format;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, qubo, format);
  }

  @Override
  public String toString() {
    return "Problem[" + name + ", " + format.cliName() + ", " + qubo + "]";
  }
}
