/**
 * Black-box optimisation over a discrete grid {0..n−1}^d, beside the QUBO solver SPI: a problem,
 * an objective evaluated in batches, and optimisers found by name through
 * {@link io.qprune.api.blackbox.OptimizerProvider} (ServiceLoader), so callers such as the
 * mask-refinement stage depend on this package only. Its multi-objective form scores binary or
 * real genomes on several objectives at once and returns a Pareto set
 * ({@link io.qprune.api.blackbox.MultiObjectiveProvider}, found the same way).
 */
package io.qprune.api.blackbox;
