package io.qprune.bench.solvers;

/** One run of a campaign: instance × solver label × repeat (and its seed) × time limit. */
public record Cell(String instance, String label, int repeat, long seed, double timeLimitSeconds)
    implements java.io.Serializable {}
