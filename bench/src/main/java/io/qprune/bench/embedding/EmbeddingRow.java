package io.qprune.bench.embedding;

import java.util.List;

/**
 * One QUBO embedded on one working graph by one method: whether it worked ({@code status} ok, or
 * why not), the embedding found (method actually used, seconds, qubits, chain lengths), and the
 * simulated anneals of its physical problem at each chain-strength scale.
 */
public record EmbeddingRow(EmbeddingCase c, String graph, int workingQubits, String method, String status,
    String used, double seconds, int qubits, int chainMax, double chainMean, double referenceEnergy,
    List<Breaks> breaks) {
  public EmbeddingRow {
    breaks = List.copyOf(breaks);
  }

  /**
   * Anneals at one chain strength ({@code scale} × uniform torque compensation): chain-break
   * fraction mean and max over the samples, the auto-scale factor, and the best unembedded energy.
   */
  public record Breaks(double scale, double chainStrength, double autoScale, double fractionMean, double fractionMax,
      double bestEnergy) {}

  public boolean ok() {
    return status.equals("ok");
  }
}
