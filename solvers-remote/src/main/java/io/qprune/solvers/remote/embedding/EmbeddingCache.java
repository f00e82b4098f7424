package io.qprune.solvers.remote.embedding;

import io.qprune.api.Adjacency;
import io.qprune.api.Qubo;
import java.util.Arrays;

/**
 * The last embedding a solver found, reused for a model with the same variables and interactions
 * on the same working graph (as Ocean's {@code LazyFixedEmbeddingComposite}): the capacity search
 * calls the solver many times on one QUBO whose linear biases alone change. Thread-safe.
 */
public final class EmbeddingCache {
  private int[] offsets;
  private int[] neighbours;
  private Embedder.Options options;
  private Embedding embedding;

  /** Whether an embedding came from the cache, and the embedding. */
  public record Lookup(Embedding embedding, boolean reused) {}

  /** The cached embedding when q's interaction structure and the options match the last call's; else a new one. */
  public synchronized Lookup embed(Qubo q, HardwareGraph g, Embedder.Options o) {
    Adjacency a = q.adjacency();
    int[] off = a.offsets();
    int[] nb = a.neighbourIndices();
    if (embedding != null && Arrays.equals(off, offsets) && Arrays.equals(nb, neighbours)
        && sameExceptSeed(o, options)) {
      return new Lookup(embedding, true);
    }
    Embedding e = Embedder.embed(q, g, o);
    offsets = off;
    neighbours = nb;
    options = o;
    embedding = e;
    return new Lookup(e, false);
  }

  private static boolean sameExceptSeed(Embedder.Options a, Embedder.Options b) {
    return b != null && a.method().equals(b.method()) && a.densityThreshold() == b.densityThreshold()
        && a.passes() == b.passes();
  }
}
