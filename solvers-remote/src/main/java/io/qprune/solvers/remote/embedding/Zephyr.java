package io.qprune.solvers.remote.embedding;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Zephyr lattice Z(m, t) as dwave-networkx's {@code zephyr_graph(m, t)} builds it (Boothby,
 * Raymond, King 2021): 4tm(2m+1) qubits (u, w, k, j, z), linear index
 * (((u·(2m+1) + w)·t + k)·2 + j)·m + z; qubit (u, w, k, j, z) lies on track w and spans
 * [2z + j, 2z + j + 2) (the prelattice rows it contracts).
 */
public final class Zephyr implements Lattice {
  private final int m;
  private final int t;
  private volatile HardwareGraph graph;

  private Zephyr(int m, int t) {
    this.m = m;
    this.t = t;
  }

  /** Z(m, t), m ≥ 1, t ≥ 1. */
  public static Zephyr of(int m, int t) {
    if (m < 1 || m > 64 || t < 1 || t > 16) {
      throw new InvalidInputException("Zephyr size must have m in [1, 64] and t in [1, 16], got m=" + m + ", t=" + t);
    }
    return new Zephyr(m, t);
  }

  @Override
  public String name() {
    return "zephyr(" + m + ", " + t + ")";
  }

  @Override
  public int indexSpace() {
    return 4 * t * m * (2 * m + 1);
  }

  int index(int u, int w, int k, int j, int z) {
    return (((u * (2 * m + 1) + w) * t + k) * 2 + j) * m + z;
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
    int big = 2 * m + 1;
    List<int[]> edges = new ArrayList<>();
    for (int u = 0; u < 2; u++) {
      for (int w = 0; w < big; w++) {
        for (int k = 0; k < t; k++) {
          for (int j = 0; j < 2; j++) {
            for (int z = 0; z + 1 < m; z++) {
              edges.add(new int[] {index(u, w, k, j, z), index(u, w, k, j, z + 1)}); // external
            }
          }
          for (int a = 0; a < 2; a++) {
            for (int z = a; z < m; z++) {
              edges.add(new int[] {index(u, w, k, 0, z), index(u, w, k, 1, z - a)}); // odd
            }
          }
        }
      }
    }
    for (int w = 0; w < m; w++) {
      for (int z = 0; z < m; z++) {
        for (int h = 0; h < t; h++) {
          for (int k = 0; k < t; k++) {
            for (int i = 0; i < 2; i++) {
              for (int j = 0; j < 2; j++) {
                for (int a = 0; a < 2; a++) {
                  for (int b = 0; b < 2; b++) {
                    edges.add(new int[] {index(0, 2 * w + 1 + a * (2 * i - 1), k, j, z),
                        index(1, 2 * z + 1 + b * (2 * j - 1), h, i, w)}); // internal
                  }
                }
              }
            }
          }
        }
      }
    }
    int[] nodes = new int[indexSpace()];
    for (int q = 0; q < nodes.length; q++) {
      nodes[q] = q;
    }
    return HardwareGraph.of(nodes, edges, this);
  }

  @Override
  public Segment segment(int q) {
    if (q < 0 || q >= indexSpace()) {
      return null;
    }
    int z = q % m;
    int r = q / m;
    int j = r % 2;
    r /= 2;
    int k = r % t;
    r /= t;
    int w = r % (2 * m + 1);
    int u = r / (2 * m + 1);
    long line = (((long) u * (2 * m + 1) + w) * t + k) * 2 + j;
    return new Segment(u, w, line, z, 2 * z + j, 2 * z + j + 2);
  }

  @Override
  public String toString() {
    return name();
  }
}
