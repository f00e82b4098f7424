package io.qprune.bench.pruning;

/** One (α, β) of the validation sweep of the hybrid QUBO at one sparsity, with its validation PSNR. */
public record SweepPoint(double sparsity, long seed, double alpha, double beta, double valPsnr) {}
