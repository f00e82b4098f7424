package io.qprune.solvers.remote.embedding;

import io.qprune.api.Adjacency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A minorminer-style heuristic (Cai, Macready, Roy 2014): chains are placed one variable at a time
 * at the root minimising the summed vertex-weighted shortest-path distance to the chains of its
 * placed neighbours, plus those paths; a qubit's weight grows exponentially with the number of
 * chains already on it, so overlaps are allowed early and priced out over passes of tear-up and
 * re-route. Seeded; returns null when no overlap-free embedding is found within the passes.
 */
public final class HeuristicEmbedder {
  private final HardwareGraph g;
  private final boolean[] blocked;
  private final SplittableRandom rnd;
  private final int[] usage;
  private int[][] chains; // nodes, per variable

  private HeuristicEmbedder(HardwareGraph g, boolean[] blocked, long seed) {
    this.g = g;
    this.blocked = blocked;
    this.rnd = new SplittableRandom(seed);
    this.usage = new int[g.size()];
  }

  /**
   * Chains (qubit labels) for the variables of {@code logical} on g, avoiding the qubits of
   * {@code blockedQubits} (labels; may be empty), or null when none was found in {@code passes}.
   */
  public static List<int[]> embed(Adjacency logical, HardwareGraph g, java.util.Set<Integer> blockedQubits,
      long seed, int passes) {
    boolean[] blocked = new boolean[g.size()];
    for (int q : blockedQubits) {
      if (g.node(q) >= 0) {
        blocked[g.node(q)] = true;
      }
    }
    HeuristicEmbedder h = new HeuristicEmbedder(g, blocked, seed);
    int[][] found = h.run(logical, passes);
    if (found == null) {
      return null;
    }
    List<int[]> out = new ArrayList<>();
    for (int[] c : found) {
      out.add(Arrays.stream(c).map(g::qubit).toArray());
    }
    return out;
  }

  private int[][] run(Adjacency logical, int passes) {
    int n = logical.numVariables();
    chains = new int[n][];
    int[] order = bfsOrder(logical);
    double base = 2;
    for (int v : order) {
      place(v, logical, base);
    }
    int[][] best = null;
    int bestSize = Integer.MAX_VALUE;
    int stale = 0;
    for (int pass = 0; pass < passes; pass++) {
      base = Math.min(1e6, base * 2);
      int[] perm = shuffled(n);
      for (int v : perm) {
        release(v);
        place(v, logical, base);
      }
      if (overlapFree()) {
        int size = Arrays.stream(chains).mapToInt(c -> c.length).sum();
        if (size < bestSize) {
          bestSize = size;
          best = Arrays.stream(chains).map(int[]::clone).toArray(int[][]::new);
          stale = 0;
        } else if (++stale >= 2) {
          break;
        }
      }
    }
    return best;
  }

  private boolean overlapFree() {
    for (int u : usage) {
      if (u > 1) {
        return false;
      }
    }
    return true;
  }

  private double weight(int node, double base) {
    return blocked[node] ? Double.POSITIVE_INFINITY : Math.pow(base, usage[node]);
  }

  private void release(int v) {
    for (int q : chains[v]) {
      usage[q]--;
    }
    chains[v] = null;
  }

  private void place(int v, Adjacency logical, double base) {
    List<Integer> placed = new ArrayList<>();
    for (int k = logical.start(v); k < logical.end(v); k++) {
      if (chains[logical.neighbour(k)] != null) {
        placed.add(logical.neighbour(k));
      }
    }
    int size = g.size();
    double[] total = new double[size];
    int[][] parents = new int[placed.size()][];
    double[][] dists = new double[placed.size()][];
    for (int p = 0; p < placed.size(); p++) {
      int[] parent = new int[size];
      dists[p] = dijkstra(chains[placed.get(p)], base, parent);
      parents[p] = parent;
    }
    int root = -1;
    double bestCost = Double.POSITIVE_INFINITY;
    int ties = 0;
    for (int x = 0; x < size; x++) {
      double w = weight(x, base);
      double c = w;
      for (int p = 0; p < placed.size() && c < Double.POSITIVE_INFINITY; p++) {
        c += dists[p][x] - w;
      }
      if (c < bestCost) {
        bestCost = c;
        root = x;
        ties = 1;
      } else if (c == bestCost && c < Double.POSITIVE_INFINITY && rnd.nextInt(++ties) == 0) {
        root = x;
      }
    }
    if (root < 0) { // nothing reachable: the least used free qubit
      root = 0;
      for (int x = 1; x < size; x++) {
        if (!blocked[x] && (blocked[root] || usage[x] < usage[root])) {
          root = x;
        }
      }
    }
    java.util.LinkedHashSet<Integer> chain = new java.util.LinkedHashSet<>();
    chain.add(root);
    for (int p = 0; p < placed.size(); p++) {
      for (int x = root; x >= 0; x = parents[p][x]) {
        chain.add(x);
      }
    }
    chains[v] = chain.stream().mapToInt(Integer::intValue).toArray();
    for (int q : chains[v]) {
      usage[q]++;
    }
  }

  /**
   * Vertex-weighted distances from a chain: a node's distance counts the weights of the nodes on
   * the path after the chain, itself included; chain nodes are unreachable (parent -1 ends a path).
   */
  private double[] dijkstra(int[] source, double base, int[] parent) {
    double[] d = new double[g.size()];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    Arrays.fill(parent, -1);
    boolean[] in = new boolean[g.size()];
    for (int s : source) {
      in[s] = true;
    }
    PriorityQueue<double[]> pq = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    for (int s : source) {
      for (int y : g.neighbours(s)) {
        double w = weight(y, base);
        if (!in[y] && w < d[y]) {
          d[y] = w;
          pq.add(new double[] {w, y});
        }
      }
    }
    while (!pq.isEmpty()) {
      double[] top = pq.poll();
      int x = (int) top[1];
      if (top[0] > d[x]) {
        continue;
      }
      for (int y : g.neighbours(x)) {
        double nd = d[x] + weight(y, base);
        if (!in[y] && nd < d[y]) {
          d[y] = nd;
          parent[y] = x;
          pq.add(new double[] {nd, y});
        }
      }
    }
    return d;
  }

  private int[] bfsOrder(Adjacency logical) {
    int n = logical.numVariables();
    int[] order = new int[n];
    boolean[] seen = new boolean[n];
    int head = 0;
    int tail = 0;
    for (int s : shuffled(n)) {
      if (seen[s]) {
        continue;
      }
      seen[s] = true;
      order[tail++] = s;
      while (head < tail) {
        int v = order[head++];
        for (int k = logical.start(v); k < logical.end(v); k++) {
          int u = logical.neighbour(k);
          if (!seen[u]) {
            seen[u] = true;
            order[tail++] = u;
          }
        }
      }
    }
    return order;
  }

  private int[] shuffled(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
