package io.qprune.formulation.prune;

import io.qprune.api.Qubo;
import io.qprune.formulation.capacity.Selection;

/**
 * A selection with what produced it: the QUBO that was solved (null for greedy Taylor), the
 * seconds spent building it and the selection itself.
 */
public record Pruned(Method method, Qubo qubo, double buildSeconds, Selection selection) {}
