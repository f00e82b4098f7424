/**
 * Black-box optimisation over a discrete grid {0..n−1}^d, beside the QUBO solver SPI: a problem,
 * an objective evaluated in batches, and optimisers found by name through
 * {@link io.qprune.api.blackbox.OptimizerProvider} (ServiceLoader), so callers such as the
 * mask-refinement stage depend on this package only.
 */
package io.qprune.api.blackbox;
