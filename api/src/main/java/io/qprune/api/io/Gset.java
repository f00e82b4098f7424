package io.qprune.api.io;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.Vartype;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;

/**
 * The Gset (rudy) graph format: a line {@code n m}, then {@code m} lines {@code i j w} (1-based,
 * undirected), read as the max-cut QUBO.
 *
 * <p>Each edge adds {@code -w x_i - w x_j + 2w x_i x_j} to the energy, so the energy of a 0/1
 * side assignment is minus its cut weight.
 */
public final class Gset {
  private Gset() {}

  /** The graph in the file as a max-cut QUBO. */
  public static Qubo read(Path file) {
    return read(Sources.text(file), Sources.name(file));
  }

  /** The graph in the stream (gzip is recognised by its magic bytes). */
  public static Qubo read(InputStream in, String source) {
    return read(Sources.text(in, source), source);
  }

  /** The graph in the reader's text. */
  public static Qubo read(Reader in, String source) {
    return read(Sources.text(in, source), source);
  }

  static Qubo read(String text, String source) {
    LineScanner s = new LineScanner(text, source);
    String[] t = s.next();
    if (t == null || t.length != 2) {
      throw s.error("expected the header 'n m' (vertices and edges), got " + s.quoted());
    }
    int n = s.integer(t[0], "n (number of vertices)", 1, Integer.MAX_VALUE);
    int m = s.integer(t[1], "m (number of edges)", 0, Integer.MAX_VALUE);
    QuboBuilder b = Qubo.builder(Vartype.BINARY, n);
    for (int e = 1; e <= m; e++) {
      t = s.next();
      if (t == null) {
        throw s.truncated("the header announces " + m + " edges but the file ends after " + (e - 1));
      }
      if (t.length != 3) {
        throw s.error("expected 3 numbers 'i j w', got " + s.quoted() + " (edge " + e + " of " + m
            + ")");
      }
      int i = s.integer(t[0], "vertex i", 1, n) - 1;
      int j = s.integer(t[1], "vertex j", 1, n) - 1;
      double w = s.number(t[2], "weight w");
      if (i == j) {
        throw s.error("edge " + e + " is a self-loop on vertex " + (i + 1)
            + ", which can never be cut; remove the line");
      }
      b.addLinear(i, -w).addLinear(j, -w).addQuadratic(i, j, 2 * w);
    }
    if (s.next() != null) {
      throw s.error("unexpected " + s.quoted() + " after the " + m + " edges the header announced; "
          + "fix the edge count m in the first line");
    }
    return b.build();
  }

  /** The graph behind a max-cut QUBO, in Gset format. */
  public static String write(Qubo qubo) {
    StringBuilder sb = new StringBuilder();
    write(qubo, sb);
    return sb.toString();
  }

  /**
   * Appends the graph whose max-cut QUBO this is: edge weight {@code w = J_ij / 2}. Rejects models
   * that are not max-cut QUBOs (a linear bias other than minus the weights at the vertex, or an
   * offset); labels are not kept.
   */
  public static void write(Qubo qubo, StringBuilder out) {
    Qubo q = qubo.toBinary();
    int n = q.numVariables();
    if (n == 0) {
      throw new InvalidInputException("A Gset graph needs at least one vertex; the model has none");
    }
    if (q.offset() != 0.0) {
      throw notMaxCut("its offset is " + q.offset() + ", not 0");
    }
    double[] expected = new double[n];
    double[] scale = new double[n];
    q.forEachInteraction((i, j, bias) -> {
      expected[i] -= bias / 2;
      expected[j] -= bias / 2;
      scale[i] += Math.abs(bias);
      scale[j] += Math.abs(bias);
    });
    for (int i = 0; i < n; i++) {
      if (Math.abs(q.linear(i) - expected[i]) > 1e-9 * Math.max(1.0, scale[i])) {
        throw notMaxCut("variable " + i + " has linear bias " + q.linear(i)
            + " but its interactions imply " + expected[i]);
      }
    }
    out.append(n).append(' ').append(q.numInteractions()).append('\n');
    q.forEachInteraction((i, j, bias) -> out.append(i + 1).append(' ').append(j + 1).append(' ')
        .append(Numbers.format(bias / 2)).append('\n'));
  }

  private static InvalidInputException notMaxCut(String why) {
    return new InvalidInputException("The model is not a max-cut QUBO (" + why + "), so it has no "
        + "Gset graph; write it as bqm-json or qbsolv instead");
  }
}
