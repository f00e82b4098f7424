package io.qprune.api.spi;

import io.qprune.api.Capability;
import io.qprune.api.Solver;
import java.util.List;
import java.util.Set;

/**
 * The service-provider contract every solver implements once; registered by a line in
 * {@code META-INF/services/io.qprune.api.spi.SolverProvider} and found by
 * {@link java.util.ServiceLoader}. Providers are cheap to construct: heavy set-up belongs in
 * {@link #create} or in the first solve.
 */
public interface SolverProvider {
  /** The unique name users select the solver by, e.g. {@code "sa"}. */
  String name();

  /** One line saying what the solver is. */
  String description();

  /** The parameters the solver accepts; anything else is rejected. */
  List<ParameterSpec> parameters();

  /** What the solver supports beyond plain minimisation. */
  Set<Capability> capabilities();

  /** A solver configured with parameters already validated against {@link #parameters()}. */
  Solver create(Parameters parameters);
}
