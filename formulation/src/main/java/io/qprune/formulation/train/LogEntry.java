package io.qprune.formulation.train;

/**
 * One line of the training log: after {@code step} steps, the mean batch loss since the previous
 * entry, the learning rate, the validation PSNR (NaN when not validated) and the training time.
 */
public record LogEntry(int step, double loss, double lr, double valPsnr, double seconds) {}
