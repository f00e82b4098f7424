package io.qprune.solvers.remote.embedding;

import io.qprune.api.Adjacency;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minor-embedding: for each logical variable i, its chain of qubits (labels of the hardware
 * graph). Valid on a graph when every chain is non-empty and connected, chains are disjoint, and
 * every logical interaction has at least one coupler between the two chains.
 */
public final class Embedding {
  private final int[][] chains;
  private final String method;

  private Embedding(int[][] chains, String method) {
    this.chains = chains;
    this.method = method;
  }

  /** Chains of qubit labels, one per variable (copied). */
  public static Embedding of(List<int[]> chains, String method) {
    return new Embedding(chains.stream().map(int[]::clone).toArray(int[][]::new), method);
  }

  public int numVariables() {
    return chains.length;
  }

  /** The qubits of variable i's chain. */
  public int[] chain(int i) {
    return chains[i].clone();
  }

  int[] chainView(int i) {
    return chains[i];
  }

  /** How the chains were found: clique, heuristic, or both (clique+heuristic). */
  public String method() {
    return method;
  }

  public int numQubits() {
    return Arrays.stream(chains).mapToInt(c -> c.length).sum();
  }

  public int maxChainLength() {
    return Arrays.stream(chains).mapToInt(c -> c.length).max().orElse(0);
  }

  public double meanChainLength() {
    return chains.length == 0 ? 0 : (double) numQubits() / chains.length;
  }

  /** Everything that makes this embedding invalid for {@code logical} on {@code g}; empty when valid. */
  public List<String> problems(Adjacency logical, HardwareGraph g) {
    List<String> out = new ArrayList<>();
    if (logical.numVariables() != chains.length) {
      out.add("the embedding has " + chains.length + " chains, the model " + logical.numVariables() + " variables");
      return out;
    }
    Map<Integer, Integer> owner = new HashMap<>();
    for (int v = 0; v < chains.length; v++) {
      if (chains[v].length == 0) {
        out.add("the chain of variable " + v + " is empty");
      }
      for (int q : chains[v]) {
        if (g.node(q) < 0) {
          out.add("qubit " + q + " of variable " + v + " is not a working qubit");
        }
        Integer prev = owner.put(q, v);
        if (prev != null && prev != v) {
          out.add("qubit " + q + " is in the chains of variables " + prev + " and " + v);
        }
      }
      if (chains[v].length > 0 && !connected(chains[v], g)) {
        out.add("the chain of variable " + v + " " + Arrays.toString(chains[v]) + " is not connected");
      }
    }
    for (int u = 0; u < chains.length; u++) {
      for (int k = logical.start(u); k < logical.end(u); k++) {
        int v = logical.neighbour(k);
        if (u < v && !coupled(chains[u], chains[v], g)) {
          out.add("no coupler joins the chains of interacting variables " + u + " and " + v);
        }
      }
    }
    return out;
  }

  static boolean coupled(int[] a, int[] b, HardwareGraph g) {
    for (int x : a) {
      int nx = g.node(x);
      for (int y : b) {
        int ny = g.node(y);
        if (nx >= 0 && ny >= 0 && g.adjacent(nx, ny)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the qubits form a connected subgraph of g (all of them working). */
  static boolean connected(int[] chain, HardwareGraph g) {
    Map<Integer, Boolean> seen = new HashMap<>();
    for (int q : chain) {
      if (g.node(q) < 0) {
        return false;
      }
      seen.put(g.node(q), false);
    }
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    int first = g.node(chain[0]);
    todo.add(first);
    seen.put(first, true);
    int reached = 1;
    while (!todo.isEmpty()) {
      for (int nb : g.neighbours(todo.poll())) {
        if (Boolean.FALSE.equals(seen.get(nb))) {
          seen.put(nb, true);
          reached++;
          todo.add(nb);
        }
      }
    }
    return reached == seen.size();
  }

  @Override
  public String toString() {
    return "Embedding[" + method + ", " + chains.length + " chains, " + numQubits() + " qubits, max chain "
        + maxChainLength() + "]";
  }
}
