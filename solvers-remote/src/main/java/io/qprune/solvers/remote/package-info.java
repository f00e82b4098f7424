/**
 * Remote annealing services behind the solver SPI: {@code dwave-hybrid}, {@code dwave-qpu}
 * ({@link io.qprune.solvers.remote.dwave}), {@code fujitsu-da}
 * ({@link io.qprune.solvers.remote.fujitsu}) and {@code bqm-http}
 * ({@link io.qprune.solvers.remote.http}). This package holds what callers catch: every error is a
 * {@link io.qprune.solvers.remote.ServiceError}. Classes in {@code .internal} packages are not API.
 */
package io.qprune.solvers.remote;
