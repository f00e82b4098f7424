package io.qprune.solvers.remote.embedding;

import io.qprune.api.Adjacency;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a minor-embedding of a model on a working graph. Method {@code clique}: every variable gets
 * a chain of the native clique; {@code heuristic}: the minorminer-style search; {@code auto}: each
 * connected component of at least 3 variables whose density (interactions over n(n−1)/2) reaches
 * the threshold gets clique chains while they last; then the other components of at least 3
 * variables and mean degree at least 4, largest first, get the clique chains left where they fit
 * (a pruning QUBO's per-layer components are often too sparse for the threshold, and the
 * heuristic is slow on them on a large lattice, while paths and grids embed with short chains by
 * the heuristic); the rest goes to the heuristic on the qubits left. Every result is checked
 * (chains connected and disjoint, every interaction on a coupler).
 */
public final class Embedder {
  /** How to embed: method (auto, clique, heuristic), density threshold, seed, heuristic passes. */
  public record Options(String method, double densityThreshold, long seed, int passes) {
    public Options {
      if (!List.of("auto", "clique", "heuristic").contains(method)) {
        throw new InvalidInputException("embedding method must be auto, clique or heuristic; got '" + method + "'");
      }
    }
  }

  static final int TRIES = 4;

  private Embedder() {}

  public static Embedding embed(Qubo q, HardwareGraph g, Options o) {
    Adjacency a = q.adjacency();
    int n = q.numVariables();
    List<int[]> comps = components(a);
    List<int[]> chains = new ArrayList<>(java.util.Collections.nCopies(n, (int[]) null));
    List<Integer> rest = new ArrayList<>();
    boolean usedClique = false;
    if (!o.method().equals("heuristic") && (g.lattice() != null || o.method().equals("clique"))) {
      List<int[]> clique = CliqueEmbedder.largestClique(g);
      clique.sort(Comparator.comparingInt(c -> c.length));
      int next = 0;
      comps.sort(Comparator.comparingInt((int[] c) -> -c.length));
      List<int[]> sparse = new ArrayList<>();
      for (int[] comp : comps) {
        boolean dense = o.method().equals("clique") || (comp.length >= 3 && density(comp, a) >= o.densityThreshold());
        if (dense && next + comp.length <= clique.size()) {
          for (int v : comp) {
            chains.set(v, clique.get(next++));
          }
          usedClique = true;
        } else if (o.method().equals("clique")) {
          throw new InvalidInputException("The model has " + n + " variables; the largest native clique found on this"
              + " working graph has " + clique.size() + ". Maybe use embedding=heuristic or a hybrid solver.");
        } else {
          sparse.add(comp);
        }
      }
      for (int[] comp : sparse) { // auto, second: what clique chains are left, largest components first
        if (comp.length >= 3 && meanDegree(comp, a) >= 4 && next + comp.length <= clique.size()) {
          for (int v : comp) {
            chains.set(v, clique.get(next++));
          }
          usedClique = true;
        } else {
          for (int v : comp) {
            rest.add(v);
          }
        }
      }
    } else {
      for (int v = 0; v < n; v++) {
        rest.add(v);
      }
    }
    boolean usedHeuristic = !rest.isEmpty();
    if (usedHeuristic) {
      Set<Integer> taken = new HashSet<>();
      chains.stream().filter(c -> c != null).forEach(c -> { for (int x : c) { taken.add(x); } });
      Qubo sub = subModel(q, rest);
      List<int[]> found = null;
      for (int t = 0; t < TRIES && found == null; t++) { // restarts, as minorminer's tries
        found = HeuristicEmbedder.embed(sub.adjacency(), g, taken, o.seed() + 7919L * t, o.passes());
      }
      if (found == null) {
        throw new InvalidInputException("No minor-embedding of " + rest.size() + " variables (" + sub.numInteractions()
            + " interactions) was found on the working graph of " + g.size() + " qubits within " + o.passes()
            + " passes (" + TRIES + " restarts). Maybe raise embedding_passes, try another seed, or use a hybrid solver.");
      }
      for (int i = 0; i < rest.size(); i++) {
        chains.set(rest.get(i), found.get(i));
      }
    }
    Embedding e = Embedding.of(chains, usedClique && usedHeuristic ? "clique+heuristic" : usedClique ? "clique" : "heuristic");
    List<String> bad = e.problems(a, g);
    if (!bad.isEmpty()) {
      throw new IllegalStateException("internal error: invalid embedding (" + e.method() + "): " + bad.get(0));
    }
    return e;
  }

  private static Qubo subModel(Qubo q, List<Integer> vars) {
    int[] at = new int[q.numVariables()];
    java.util.Arrays.fill(at, -1);
    for (int i = 0; i < vars.size(); i++) {
      at[vars.get(i)] = i;
    }
    var b = Qubo.builder(q.vartype(), vars.size());
    q.forEachInteraction((i, j, w) -> {
      if (at[i] >= 0 && at[j] >= 0) {
        b.addQuadratic(at[i], at[j], w == 0 ? 1 : w);
      }
    });
    return b.build();
  }

  static double meanDegree(int[] comp, Adjacency a) {
    long deg = 0;
    for (int v : comp) {
      deg += a.degree(v);
    }
    return (double) deg / comp.length;
  }

  static double density(int[] comp, Adjacency a) {
    long deg = 0;
    for (int v : comp) {
      deg += a.degree(v);
    }
    return comp.length < 2 ? 1 : (deg / 2.0) / (comp.length * (comp.length - 1) / 2.0);
  }

  static List<int[]> components(Adjacency a) {
    int n = a.numVariables();
    boolean[] seen = new boolean[n];
    List<int[]> out = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      if (seen[s]) {
        continue;
      }
      List<Integer> comp = new ArrayList<>();
      java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(s));
      seen[s] = true;
      while (!todo.isEmpty()) {
        int v = todo.poll();
        comp.add(v);
        for (int k = a.start(v); k < a.end(v); k++) {
          int u = a.neighbour(k);
          if (!seen[u]) {
            seen[u] = true;
            todo.add(u);
          }
        }
      }
      out.add(comp.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }
}
