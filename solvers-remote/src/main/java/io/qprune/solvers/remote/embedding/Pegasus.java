package io.qprune.solvers.remote.embedding;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Pegasus lattice P(m) as dwave-networkx's {@code pegasus_graph(m)} builds it (fabric only,
 * the Advantage offsets {@code offsets_index=0}: vertical [2,2,2,2,10,10,10,10,6,6,6,6], horizontal
 * [6,6,6,6,2,2,2,2,10,10,10,10]; Boothby et al. 2020). Qubit (u, w, k, z) has linear index
 * ((u·m + w)·12 + k)·(m−1) + z; it lies on track 12w + k and spans [12z + offset_u[k], +12).
 */
public final class Pegasus implements Lattice {
  static final int[][] OFFSETS = {{2, 2, 2, 2, 10, 10, 10, 10, 6, 6, 6, 6}, {6, 6, 6, 6, 2, 2, 2, 2, 10, 10, 10, 10}};
  private final int m;
  private volatile HardwareGraph graph;

  private Pegasus(int m) {
    this.m = m;
  }

  /** P(m), m ≥ 2. */
  public static Pegasus of(int m) {
    if (m < 2 || m > 64) {
      throw new InvalidInputException("Pegasus size m must be in [2, 64], got " + m);
    }
    return new Pegasus(m);
  }

  @Override
  public String name() {
    return "pegasus(" + m + ")";
  }

  @Override
  public int indexSpace() {
    return 24 * m * (m - 1);
  }

  int index(int u, int w, int k, int z) {
    return ((u * m + w) * 12 + k) * (m - 1) + z;
  }

  @Override
  public HardwareGraph graph() {
    HardwareGraph g = graph;
    if (g == null) {
      g = build();
      graph = g;
    }
    return g;
  }

  private HardwareGraph build() {
    int m1 = m - 1;
    // fabric_only: the first/last qubits of the boundary tracks have no crossing partner
    int start = 2;
    int end = 12 - 10;
    List<int[]> edges = new ArrayList<>();
    for (int u = 0; u < 2; u++) {
      for (int w = 0; w < m; w++) {
        int k0 = w == 0 ? start : 0;
        int k1 = 12 - (w == m1 ? end : 0);
        for (int k = k0; k < k1; k++) {
          for (int z = 0; z + 1 < m1; z++) {
            edges.add(new int[] {index(u, w, k, z), index(u, w, k, z + 1)}); // external
          }
          if (k % 2 == 0) {
            for (int z = 0; z < m1; z++) {
              edges.add(new int[] {index(u, w, k, z), index(u, w, k + 1, z)}); // odd
            }
          }
        }
      }
    }
    for (int w = 0; w < m; w++) {
      for (int kk = 0; kk < 12; kk++) {
        int kFrom = w == 0 ? OFFSETS[1][kk] : 0;
        int kTo = w < m1 ? 12 : OFFSETS[1][kk];
        for (int k = kFrom; k < kTo; k++) {
          for (int z = 0; z < m1; z++) {
            int w2 = z + (kk < OFFSETS[0][k] ? 1 : 0);
            int z2 = w - (k < OFFSETS[1][kk] ? 1 : 0);
            edges.add(new int[] {index(0, w, k, z), index(1, w2, kk, z2)}); // internal
          }
        }
      }
    }
    Set<Integer> nodes = new LinkedHashSet<>();
    for (int[] e : edges) {
      nodes.add(e[0]);
      nodes.add(e[1]);
    }
    return HardwareGraph.of(nodes.stream().mapToInt(Integer::intValue).sorted().toArray(), edges, this);
  }

  @Override
  public Segment segment(int q) {
    if (q < 0 || q >= indexSpace()) {
      return null;
    }
    int m1 = m - 1;
    int z = q % m1;
    int r = q / m1;
    int k = r % 12;
    r /= 12;
    int w = r % m;
    int u = r / m;
    int from = 12 * z + OFFSETS[u][k];
    return new Segment(u, 12 * w + k, ((long) u * m + w) * 12 + k, z, from, from + 12);
  }

  @Override
  public String toString() {
    return name();
  }
}
