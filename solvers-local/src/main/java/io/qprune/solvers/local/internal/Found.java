package io.qprune.solvers.local.internal;

/** One state a read ended with: the bits, its energy, and when (seconds into the solve) it was found. */
public record Found(byte[] bits, double energy, double seconds, long read) {}
