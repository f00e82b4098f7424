package io.qprune.solvers.remote.embedding;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Native clique embeddings of Pegasus and Zephyr working graphs, in the manner of busclique: each
 * chain is an L of one vertical line prefix and one horizontal line suffix (the "triangle"
 * construction of Chimera clique embeddings, lifted to the lattices' long qubits), so chains have
 * near-uniform length (about m + 1 qubits). The i-th vertical line by track is paired with the
 * i-th horizontal line; chain i's vertical part runs down to the row of its horizontal line and its
 * horizontal part runs right from its column, so for i &lt; j chain j's vertical part crosses chain
 * i's horizontal part. Chains that touch a missing qubit or coupler are dropped, then chains are
 * dropped greedily (the one that misses most others first) until every pair is coupled.
 */
public final class CliqueEmbedder {
  private CliqueEmbedder() {}

  /** The chains of the largest clique this construction finds on g (any order; pairwise coupled). */
  public static List<int[]> largestClique(HardwareGraph g) {
    Lattice lat = g.lattice();
    if (lat == null) {
      throw new InvalidInputException("A clique embedding needs a Pegasus or Zephyr working graph (the solver's"
          + " properties.topology); this graph has no known lattice. Maybe use embedding=heuristic.");
    }
    Map<Long, TreeMap<Integer, Integer>> lines = new HashMap<>(); // line -> position -> qubit (full lattice)
    Map<Long, Lattice.Segment> first = new HashMap<>();
    HardwareGraph full = lat.graph();
    for (int n = 0; n < full.size(); n++) {
      int q = full.qubit(n);
      Lattice.Segment s = lat.segment(q);
      lines.computeIfAbsent(s.line(), k -> new TreeMap<>()).put(s.position(), q);
      first.merge(s.line(), s, (a, b) -> a.position() <= b.position() ? a : b);
    }
    List<Long> vertical = new ArrayList<>();
    List<Long> horizontal = new ArrayList<>();
    for (Map.Entry<Long, Lattice.Segment> e : first.entrySet()) {
      (e.getValue().orientation() == 0 ? vertical : horizontal).add(e.getKey());
    }
    Comparator<Long> byTrack = Comparator.<Long>comparingInt(l -> first.get(l).track()).thenComparing(l -> l);
    vertical.sort(byTrack);
    horizontal.sort(byTrack);
    int n = Math.min(vertical.size(), horizontal.size());
    List<int[]> chains = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TreeMap<Integer, Integer> v = lines.get(vertical.get(i));
      TreeMap<Integer, Integer> h = lines.get(horizontal.get(i));
      int row = first.get(horizontal.get(i)).track();
      int col = first.get(vertical.get(i)).track();
      List<Integer> chain = new ArrayList<>();
      for (int q : v.values()) { // down to (and including) the qubit that covers the horizontal line's row
        chain.add(q);
        if (lat.segment(q).to() > row) {
          break;
        }
      }
      boolean started = false;
      for (int q : h.values()) { // from the qubit that covers the vertical line's column, rightwards
        started |= lat.segment(q).to() > col;
        if (started) {
          chain.add(q);
        }
      }
      int[] c = chain.stream().mapToInt(Integer::intValue).toArray();
      if (Arrays.stream(c).allMatch(q -> g.node(q) >= 0) && Embedding.connected(c, g)) {
        chains.add(c);
      }
    }
    return pruneToClique(chains, g);
  }

  /** Drops chains, most-missing first, until every pair of the rest shares a coupler. */
  static List<int[]> pruneToClique(List<int[]> chains, HardwareGraph g) {
    int n = chains.size();
    int[] owner = new int[g.size()];
    Arrays.fill(owner, -1);
    for (int c = 0; c < n; c++) {
      for (int q : chains.get(c)) {
        owner[g.node(q)] = c;
      }
    }
    boolean[][] ok = new boolean[n][n];
    for (int c = 0; c < n; c++) {
      for (int q : chains.get(c)) {
        for (int nb : g.neighbours(g.node(q))) {
          if (owner[nb] >= 0) {
            ok[c][owner[nb]] = true;
          }
        }
      }
    }
    boolean[] alive = new boolean[n];
    Arrays.fill(alive, true);
    int[] missing = new int[n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a != b && !ok[a][b]) {
          missing[a]++;
        }
      }
    }
    while (true) {
      int worst = -1;
      for (int a = 0; a < n; a++) {
        if (alive[a] && missing[a] > 0 && (worst < 0 || missing[a] > missing[worst])) {
          worst = a;
        }
      }
      if (worst < 0) {
        break;
      }
      alive[worst] = false;
      for (int b = 0; b < n; b++) {
        if (alive[b] && !ok[b][worst]) {
          missing[b]--;
        }
      }
    }
    List<int[]> out = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      if (alive[c]) {
        out.add(chains.get(c));
      }
    }
    return out;
  }
}
