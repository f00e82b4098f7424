package io.qprune.solvers.remote.embedding;

import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.Vartype;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A logical model embedded on the hardware as Ocean's {@code embed_bqm} does, in SPIN form: h split
 * evenly over a chain's qubits, J split evenly over the couplers joining two chains, each chain's
 * spanning-tree edges coupled at −chain_strength (offset +chain_strength, so intact chains cost
 * nothing), all scaled into the solver's h_range/j_range (auto_scale). Unembedding is a majority vote
 * per chain (ties broken by a seeded coin), with the chain-break fraction of each sample, and an
 * optional exact-k repair.
 */
public final class EmbeddedProblem {
  private final Qubo logical;
  private final Embedding embedding;
  private final Qubo physical;
  private final int[][] chainIdx; // per logical variable: physical variable indices
  private final double chainStrength;
  private final double scale;

  private EmbeddedProblem(Qubo logical, Embedding embedding, Qubo physical, int[][] chainIdx, double chainStrength,
      double scale) {
    this.logical = logical;
    this.embedding = embedding;
    this.physical = physical;
    this.chainIdx = chainIdx;
    this.chainStrength = chainStrength;
    this.scale = scale;
  }

  /** Ocean's default: prefactor · RMS(J) · sqrt(mean degree) of the SPIN model; 1 without interactions. */
  public static double uniformTorqueCompensation(Qubo q, double prefactor) {
    Qubo s = q.toSpin();
    int m = s.numInteractions();
    if (m == 0) {
      return 1;
    }
    double[] sq = {0};
    s.forEachInteraction((i, j, b) -> sq[0] += b * b);
    return prefactor * Math.sqrt(sq[0] / m) * Math.sqrt(2.0 * m / s.numVariables());
  }

  /**
   * Embeds {@code q}; {@code chainStrength} NaN means uniform torque compensation (prefactor 1.414);
   * {@code hRange}/{@code jRange} null mean no scaling.
   */
  public static EmbeddedProblem of(Qubo q, Embedding e, HardwareGraph g, double chainStrength, double[] hRange,
      double[] jRange) {
    Qubo s = q.toSpin();
    double cs = Double.isNaN(chainStrength) ? uniformTorqueCompensation(q, 1.414) : chainStrength;
    int n = q.numVariables();
    int[] qubits = java.util.stream.IntStream.range(0, n).flatMap(v -> Arrays.stream(e.chainView(v))).sorted().toArray();
    Map<Integer, Integer> at = new HashMap<>();
    for (int i = 0; i < qubits.length; i++) {
      at.put(qubits[i], i);
    }
    int[][] chainIdx = new int[n][];
    double[] h = new double[qubits.length];
    Map<Long, Double> j = new HashMap<>();
    double offset = s.offset();
    for (int v = 0; v < n; v++) {
      int[] c = e.chainView(v);
      chainIdx[v] = Arrays.stream(c).map(at::get).toArray();
      for (int p : chainIdx[v]) {
        h[p] += s.linear(v) / c.length;
      }
      for (int[] edge : spanningTree(c, g)) {
        j.merge(key(at.get(edge[0]), at.get(edge[1])), -cs, Double::sum);
        offset += cs;
      }
    }
    s.forEachInteraction((u, v, b) -> {
      List<long[]> links = new ArrayList<>();
      for (int a : e.chainView(u)) {
        for (int c : e.chainView(v)) {
          if (g.adjacent(g.node(a), g.node(c))) {
            links.add(new long[] {at.get(a), at.get(c)});
          }
        }
      }
      for (long[] l : links) {
        j.merge(key((int) l[0], (int) l[1]), b / links.size(), Double::sum);
      }
    });
    double ratio = 0;
    if (hRange != null) {
      for (double x : h) {
        ratio = Math.max(ratio, Math.max(x / hRange[1], x / hRange[0]));
      }
    }
    if (jRange != null) {
      for (double x : j.values()) {
        ratio = Math.max(ratio, Math.max(x / jRange[1], x / jRange[0]));
      }
    }
    double sc = ratio > 0 ? 1 / ratio : 1;
    QuboBuilder b = Qubo.builder(Vartype.SPIN, qubits.length).labels(Arrays.stream(qubits).boxed().toList());
    for (int i = 0; i < h.length; i++) {
      b.addLinear(i, h[i] * sc);
    }
    j.forEach((k, w) -> b.addQuadratic((int) (k >>> 32), (int) (long) k, w * sc));
    b.addOffset(offset * sc);
    return new EmbeddedProblem(q, e, b.build(), chainIdx, cs, sc);
  }

  private static long key(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  private static List<int[]> spanningTree(int[] chain, HardwareGraph g) {
    List<int[]> edges = new ArrayList<>();
    Map<Integer, Boolean> seen = new HashMap<>();
    for (int q : chain) {
      seen.put(g.node(q), false);
    }
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    todo.add(g.node(chain[0]));
    seen.put(g.node(chain[0]), true);
    while (!todo.isEmpty()) {
      int x = todo.poll();
      for (int y : g.neighbours(x)) {
        if (Boolean.FALSE.equals(seen.get(y))) {
          seen.put(y, true);
          edges.add(new int[] {g.qubit(x), g.qubit(y)});
          todo.add(y);
        }
      }
    }
    return edges;
  }

  /** The physical SPIN model, labelled by qubit numbers, scaled into the ranges. */
  public Qubo physical() {
    return physical;
  }

  public double chainStrength() {
    return chainStrength;
  }

  /** The factor applied to every physical bias (1 when the ranges did not bind or were absent). */
  public double scale() {
    return scale;
  }

  public Embedding embedding() {
    return embedding;
  }

  /** One unembedded sample: values in the logical model's vartype, and its chain-break fraction. */
  public record Unembedded(int[] values, double chainBreakFraction) {}

  /**
   * Unembeds a physical sample (SPIN values per physical variable): majority vote per chain, ties by
   * a coin of {@code rnd}; with {@code k} non-null, repaired to exactly k set variables (per group)
   * greedily by the logical model's local fields.
   */
  public Unembedded unembed(int[] spins, SplittableRandom rnd, Cardinality k) {
    int n = chainIdx.length;
    boolean[] set = new boolean[n];
    int broken = 0;
    for (int v = 0; v < n; v++) {
      int sum = 0;
      for (int p : chainIdx[v]) {
        sum += spins[p];
      }
      if (Math.abs(sum) != chainIdx[v].length) {
        broken++;
      }
      set[v] = sum > 0 || (sum == 0 && rnd.nextBoolean());
    }
    if (k != null) {
      ExactKRepair.repair(logical.toBinary(), set, k);
    }
    int[] values = new int[n];
    for (int v = 0; v < n; v++) {
      values[v] = logical.vartype().value(set[v]);
    }
    return new Unembedded(values, n == 0 ? 0 : (double) broken / n);
  }
}
