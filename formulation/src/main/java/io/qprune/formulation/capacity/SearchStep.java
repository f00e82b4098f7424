package io.qprune.formulation.capacity;

/** One solver call of a capacity search: the offset μ used and how many units the solver kept. */
public record SearchStep(double mu, int kept) {}
