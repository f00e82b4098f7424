package io.qprune.api.io;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Reads problem files in any {@link ProblemFormat} (gzip-compressed or not) and writes them. */
public final class Problems {
  private Problems() {}

  /** Every instance in the file; {@code format} null means {@link ProblemFormat#detect}. */
  public static List<Problem> readAll(Path file, ProblemFormat format) {
    ProblemFormat f = format != null ? format : ProblemFormat.detect(file);
    String source = Sources.name(file);
    String text = Sources.text(file);
    String base = baseName(file);
    List<Problem> out = new ArrayList<>();
    switch (f) {
      case ORLIB -> {
        List<Qubo> all = OrLibBqp.read(text, source);
        for (int k = 0; k < all.size(); k++) {
          out.add(Problem.of(base + "-" + (k + 1), all.get(k), f));
        }
      }
      case GSET -> out.add(Problem.of(base, Gset.read(text, source), f));
      case QBSOLV -> out.add(Problem.of(base, Qbsolv.read(text, source), f));
      case BQM_JSON -> out.add(Problem.of(base, BqmJson.read(text, source), f));
      default -> throw new IllegalStateException("unhandled format " + f);
    }
    return List.copyOf(out);
  }

  /** Instance {@code instance1Based} of the file (1 for formats with one instance per file). */
  public static Problem read(Path file, ProblemFormat format, int instance1Based) {
    List<Problem> all = readAll(file, format);
    if (instance1Based < 1 || instance1Based > all.size()) {
      throw new InvalidInputException(Sources.name(file) + " holds " + all.size() + " instance"
          + (all.size() == 1 ? "" : "s") + "; instance " + instance1Based + " is out of range 1.."
          + all.size());
    }
    return all.get(instance1Based - 1);
  }

  /**
   * Writes the problem in its format, gzip-compressed when the name ends in {@code .gz}. The file
   * appears complete or not at all: the text goes to a temporary file beside it, then is moved.
   */
  public static void write(Problem p, Path file) {
    byte[] bytes = text(p).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, raw -> {
      if (gzipped(file.toAbsolutePath())) {
        GZIPOutputStream gz = new GZIPOutputStream(raw, 65536);
        gz.write(bytes);
        gz.finish();
      } else {
        raw.write(bytes);
      }
    });
  }

  /** The problem's file content in its format. */
  public static String text(Problem p) {
    return switch (p.format()) {
      case ORLIB -> OrLibBqp.write(p.qubo());
      case GSET -> Gset.write(p.qubo());
      case QBSOLV -> Qbsolv.write(p.qubo());
      case BQM_JSON -> BqmJson.write(p.qubo()) + "\n";
    };
  }

  /** The file name without {@code .gz} and without its extension: {@code G22.gz} gives {@code G22}. */
  static String baseName(Path file) {
    String n = Sources.name(file);
    if (n.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private static boolean gzipped(Path file) {
    return Sources.name(file).toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}
