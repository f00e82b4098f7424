package io.qprune.api.io;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.Vartype;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Beasley's OR-Library BQP format: a line with the number of instances, then per instance a line
 * {@code n nnz} and {@code nnz} lines {@code i j q} (1-based, upper triangle).
 *
 * <p>Each instance maximises {@code xᵀQx} with Q symmetric, so a listed off-diagonal entry counts
 * twice. It is read as the minimisation QUBO with linear bias {@code -q_ii} and interaction
 * {@code -2 q_ij}: the energy of x is {@code -xᵀQx}.
 */
public final class OrLibBqp {
  private OrLibBqp() {}

  /** Every instance in the file, as minimisation QUBOs. */
  public static List<Qubo> read(Path file) {
    return read(Sources.text(file), Sources.name(file));
  }

  /** Every instance in the stream (gzip is recognised by its magic bytes). */
  public static List<Qubo> read(InputStream in, String source) {
    return read(Sources.text(in, source), source);
  }

  /** Every instance in the reader's text. */
  public static List<Qubo> read(Reader in, String source) {
    return read(Sources.text(in, source), source);
  }

  static List<Qubo> read(String text, String source) {
    LineScanner s = new LineScanner(text, source);
    String[] t = s.next();
    if (t == null) {
      throw s.truncated("expected the number of instances");
    }
    if (t.length != 1) {
      throw s.error("expected the number of instances as the only number on the first line, got "
          + s.quoted() + (t.length == 2 ? " (a Gset graph or a single MQLib instance? give the "
          + "format explicitly, or add a first line '1')" : ""));
    }
    int count = s.integer(t[0], "number of instances", 1, Integer.MAX_VALUE);
    List<Qubo> out = new ArrayList<>(Math.min(count, 1024));
    for (int k = 1; k <= count; k++) {
      out.add(instance(s, k, count));
    }
    if (s.next() != null) {
      throw s.error("unexpected " + s.quoted() + " after the last of the " + count
          + " instances the first line announced; fix the instance count or the entry counts");
    }
    return Collections.unmodifiableList(out);
  }

  private static Qubo instance(LineScanner s, int k, int count) {
    String[] t = s.next();
    if (t == null) {
      throw s.truncated("expected the header 'n nnz' of instance " + k + " of " + count);
    }
    if (t.length != 2) {
      throw s.error("expected the header 'n nnz' of instance " + k + " of " + count + ", got "
          + s.quoted() + (k > 1 ? "; instance " + (k - 1) + " may have more entries than its "
          + "header says" : ""));
    }
    int headerLine = s.line();
    int n = s.integer(t[0], "n (number of variables)", 1, Integer.MAX_VALUE);
    int nnz = s.integer(t[1], "nnz (number of entries)", 0, Integer.MAX_VALUE);
    QuboBuilder b = Qubo.builder(Vartype.BINARY, n);
    for (int e = 1; e <= nnz; e++) {
      t = s.next();
      if (t == null) {
        throw s.truncated("instance " + k + " (header at line " + headerLine + ") announces " + nnz
            + " entries but the file ends after " + (e - 1));
      }
      if (t.length != 3) {
        throw s.error("expected 3 numbers 'i j q', got " + s.quoted() + " (entry " + e + " of "
            + nnz + " of instance " + k + ")");
      }
      int i = s.integer(t[0], "index i", 1, n) - 1;
      int j = s.integer(t[1], "index j", 1, n) - 1;
      double q = s.number(t[2], "coefficient q");
      if (i == j) {
        b.addLinear(i, 0.0 - q);
      } else {
        b.addQuadratic(i, j, 0.0 - 2 * q);
      }
    }
    return b.build();
  }

  /** One instance in OR-Library format (a file holding just this instance). */
  public static String write(Qubo qubo) {
    StringBuilder sb = new StringBuilder();
    write(qubo, sb);
    return sb.toString();
  }

  /**
   * Appends one instance. SPIN models are converted to BINARY; labels are not kept; a model whose
   * (BINARY) offset is not 0 is rejected because the format has no constant term.
   */
  public static void write(Qubo qubo, StringBuilder out) {
    Qubo q = qubo.toBinary();
    if (q.offset() != 0.0) {
      throw new InvalidInputException("The OR-Library format has no constant term, but the model's "
          + "offset is " + q.offset() + "; write it as bqm-json or qbsolv instead");
    }
    if (q.numVariables() == 0) {
      throw new InvalidInputException("The OR-Library format needs at least one variable; the model "
          + "has none");
    }
    int n = q.numVariables();
    int nnz = q.numInteractions();
    for (int i = 0; i < n; i++) {
      nnz += q.linear(i) != 0.0 ? 1 : 0;
    }
    out.append("1\n").append(n).append(' ').append(nnz).append('\n');
    for (int i = 0; i < n; i++) {
      if (q.linear(i) != 0.0) {
        entry(out, i, i, 0.0 - q.linear(i));
      }
      for (int k = q.rowStart(i); k < q.rowEnd(i); k++) {
        entry(out, i, q.col(k), 0.0 - q.value(k) / 2);
      }
    }
  }

  private static void entry(StringBuilder out, int i, int j, double v) {
    out.append(i + 1).append(' ').append(j + 1).append(' ').append(Numbers.format(v)).append('\n');
  }
}
