package io.qprune.solvers.remote.embedding;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A QPU's working graph: qubits (any integer labels) and couplers, stored as nodes 0..n-1 with
 * sorted neighbour lists. Optionally carries the lattice geometry of each qubit (for clique
 * embeddings); a graph read from a solver's {@code properties} gets it from {@link Lattice#of}.
 */
public final class HardwareGraph {
  private final int[] qubits;
  private final Map<Integer, Integer> nodeOf;
  private final int[][] adj;
  private final int numEdges;
  private final Lattice lattice;

  private HardwareGraph(int[] qubits, int[][] adj, int numEdges, Lattice lattice) {
    this.qubits = qubits;
    this.adj = adj;
    this.numEdges = numEdges;
    this.lattice = lattice;
    this.nodeOf = new HashMap<>(qubits.length * 2);
    for (int i = 0; i < qubits.length; i++) {
      nodeOf.put(qubits[i], i);
    }
  }

  /** The graph of these qubits and couplers (pairs of qubit labels); a coupler must join two listed qubits. */
  public static HardwareGraph of(int[] qubits, List<int[]> couplers, Lattice lattice) {
    int[] qs = qubits.clone();
    Map<Integer, Integer> node = new HashMap<>(qs.length * 2);
    for (int i = 0; i < qs.length; i++) {
      if (node.put(qs[i], i) != null) {
        throw new InvalidInputException("Qubit " + qs[i] + " is listed twice in the working graph");
      }
    }
    List<List<Integer>> nb = new ArrayList<>(qs.length);
    for (int i = 0; i < qs.length; i++) {
      nb.add(new ArrayList<>());
    }
    for (int[] c : couplers) {
      Integer a = node.get(c[0]);
      Integer b = node.get(c[1]);
      if (a == null || b == null || a.equals(b)) {
        throw new InvalidInputException("Coupler (" + c[0] + ", " + c[1] + ") does not join two working qubits");
      }
      nb.get(a).add(b);
      nb.get(b).add(a);
    }
    int[][] adj = new int[qs.length][];
    int edges = 0;
    for (int i = 0; i < qs.length; i++) {
      adj[i] = nb.get(i).stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
      edges += adj[i].length;
    }
    return new HardwareGraph(qs, adj, edges / 2, lattice);
  }

  /** This graph without the given qubits (and their couplers), e.g. a chip's faulty qubits. */
  public HardwareGraph without(Set<Integer> missing) {
    int[] keep = Arrays.stream(qubits).filter(q -> !missing.contains(q)).toArray();
    return of(keep, couplers().stream().filter(c -> !missing.contains(c[0]) && !missing.contains(c[1])).toList(), lattice);
  }

  /** Every coupler once, as qubit labels (smaller node first). */
  public List<int[]> couplers() {
    List<int[]> l = new ArrayList<>(numEdges);
    for (int a = 0; a < adj.length; a++) {
      for (int b : adj[a]) {
        if (a < b) {
          l.add(new int[] {qubits[a], qubits[b]});
        }
      }
    }
    return l;
  }

  public int size() {
    return qubits.length;
  }

  public int numEdges() {
    return numEdges;
  }

  /** The qubit label of node i. */
  public int qubit(int node) {
    return qubits[node];
  }

  /** The node of a qubit label, or -1 when the qubit is not in the graph. */
  public int node(int qubit) {
    Integer n = nodeOf.get(qubit);
    return n == null ? -1 : n;
  }

  /** The neighbours of node i, sorted (do not modify). */
  int[] neighbours(int node) {
    return adj[node];
  }

  public int degree(int node) {
    return adj[node].length;
  }

  public boolean adjacent(int a, int b) {
    return Arrays.binarySearch(adj[a], b) >= 0;
  }

  public int maxDegree() {
    int d = 0;
    for (int[] a : adj) {
      d = Math.max(d, a.length);
    }
    return d;
  }

  /** The lattice the qubits come from, or null when unknown. */
  public Lattice lattice() {
    return lattice;
  }
}
