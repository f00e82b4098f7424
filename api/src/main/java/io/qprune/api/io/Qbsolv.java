package io.qprune.api.io;

import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.Vartype;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * qbsolv's {@code .qubo} format (minimisation): comment lines starting with {@code c}, a line
 * {@code p qubo topology maxNodes nNodes nCouplers}, {@code nNodes} lines {@code i i v}, then
 * {@code nCouplers} lines {@code i j v} (0-based, i &lt; j).
 *
 * <p>The model has {@code maxNodes} variables. As a qprune extension a comment line
 * {@code c offset <value>} carries the model's constant term (qbsolv ignores it as a comment).
 */
public final class Qbsolv {
  private static final String OFFSET_COMMENT = "c offset ";

  private Qbsolv() {}

  /** The QUBO in the file. */
  public static Qubo read(Path file) {
    return read(Sources.text(file), Sources.name(file));
  }

  /** The QUBO in the stream (gzip is recognised by its magic bytes). */
  public static Qubo read(InputStream in, String source) {
    return read(Sources.text(in, source), source);
  }

  /** The QUBO in the reader's text. */
  public static Qubo read(Reader in, String source) {
    return read(Sources.text(in, source), source);
  }

  static Qubo read(String text, String source) {
    double[] offset = {0.0};
    LineScanner[] ref = new LineScanner[1];
    LineScanner s = new LineScanner(text, source, c -> {
      if (c.startsWith(OFFSET_COMMENT)) {
        offset[0] += ref[0].number(c.substring(OFFSET_COMMENT.length()).strip(), "offset");
      }
    });
    ref[0] = s;
    String[] t = s.next();
    if (t == null || t.length != 6 || !t[0].equals("p") || !t[1].equals("qubo")) {
      throw s.error("expected the program line 'p qubo topology maxNodes nNodes nCouplers' as the "
          + "first line that is not a comment, got " + s.quoted());
    }
    int maxNodes = s.integer(t[3], "maxNodes", 0, Integer.MAX_VALUE);
    int nNodes = s.integer(t[4], "nNodes", 0, maxNodes);
    long nCouplers = s.integer(t[5], "nCouplers", 0, Integer.MAX_VALUE);
    QuboBuilder b = Qubo.builder(Vartype.BINARY, maxNodes);
    Set<Integer> nodes = new HashSet<>();
    for (int k = 1; k <= nNodes; k++) {
      t = entry(s, "node line 'i i v'", k, nNodes);
      int i = s.integer(t[0], "node", 0, maxNodes - 1L);
      int j = s.integer(t[1], "node", 0, maxNodes - 1L);
      if (i != j) {
        throw s.error("expected node line " + k + " of " + nNodes + " as 'i i v' with both numbers "
            + "equal, got " + s.quoted() + "; couplers come after all nNodes node lines");
      }
      if (!nodes.add(i)) {
        throw s.error("node " + i + " is listed twice; merge the two lines");
      }
      b.addLinear(i, s.number(t[2], "node weight"));
    }
    Set<Long> couplers = new HashSet<>();
    for (long k = 1; k <= nCouplers; k++) {
      t = entry(s, "coupler line 'i j v'", k, nCouplers);
      int i = s.integer(t[0], "node i", 0, maxNodes - 1L);
      int j = s.integer(t[1], "node j", 0, maxNodes - 1L);
      if (i == j) {
        throw s.error("expected coupler " + k + " of " + nCouplers + " with i < j, got " + s.quoted()
            + "; the header says " + nNodes + " node lines, so check nNodes");
      }
      if (!couplers.add(Math.min(i, j) * (long) maxNodes + Math.max(i, j))) {
        throw s.error("coupler (" + Math.min(i, j) + ", " + Math.max(i, j) + ") is listed twice; "
            + "merge the two lines");
      }
      b.addQuadratic(i, j, s.number(t[2], "coupler strength"));
    }
    if (s.next() != null) {
      throw s.error("unexpected " + s.quoted() + " after the " + nNodes + " nodes and " + nCouplers
          + " couplers the program line announced; fix nNodes or nCouplers");
    }
    return b.addOffset(offset[0]).build();
  }

  private static String[] entry(LineScanner s, String what, long k, long count) {
    String[] t = s.next();
    if (t == null) {
      throw s.truncated("expected " + what + " " + k + " of " + count + " but the file ends");
    }
    if (t.length != 3) {
      throw s.error("expected 3 numbers for " + what + " " + k + " of " + count + ", got "
          + s.quoted());
    }
    return t;
  }

  /** The model in qbsolv format. */
  public static String write(Qubo qubo) {
    StringBuilder sb = new StringBuilder();
    write(qubo, sb);
    return sb.toString();
  }

  /**
   * Appends the model: SPIN models are converted to BINARY, every variable gets a node line,
   * a non-zero offset goes into a {@code c offset} comment, labels are not kept.
   */
  public static void write(Qubo qubo, StringBuilder out) {
    Qubo q = qubo.toBinary();
    int n = q.numVariables();
    if (q.offset() != 0.0) {
      out.append(OFFSET_COMMENT).append(Numbers.format(q.offset())).append('\n');
    }
    out.append("p qubo 0 ").append(n).append(' ').append(n).append(' ')
        .append(q.numInteractions()).append('\n');
    for (int i = 0; i < n; i++) {
      out.append(i).append(' ').append(i).append(' ').append(Numbers.format(q.linear(i))).append('\n');
    }
    q.forEachInteraction((i, j, bias) -> out.append(i).append(' ').append(j).append(' ')
        .append(Numbers.format(bias)).append('\n'));
  }
}
