package io.qprune.api.blackbox;

import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import java.util.List;

/**
 * The service-provider contract of a multi-objective optimiser, registered by a line in
 * {@code META-INF/services/io.qprune.api.blackbox.MultiObjectiveProvider}; cheap to construct.
 */
public interface MultiObjectiveProvider {
  /** The unique name users select the optimiser by, e.g. {@code "nsga2"}. */
  String name();

  /** One line saying what the optimiser is. */
  String description();

  /** The parameters the optimiser accepts; anything else is rejected. */
  List<ParameterSpec> parameters();

  /** An optimiser configured with parameters already validated against {@link #parameters()}. */
  MultiObjectiveOptimizer create(Parameters parameters);
}
