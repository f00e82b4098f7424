package io.qprune.formulation.refine;

import io.qprune.api.QpruneException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every validation PSNR measured, keyed by the sub-problem point, appended to a text file as soon
 * as it is known ({@code bits psnr} per line), so a killed run loses no evaluation: on resume the
 * file is read back and those points cost nothing. A torn last line is ignored.
 */
final class EvalLog implements AutoCloseable {
  private final Map<String, Double> known = new HashMap<>();
  private final BufferedWriter out;

  private EvalLog(BufferedWriter out) {
    this.out = out;
  }

  /** An in-memory log (no file). */
  static EvalLog inMemory() {
    return new EvalLog(null);
  }

  /** A log appending to {@code file}, first reading it back when {@code resume} (else truncating it). */
  static EvalLog open(Path file, boolean resume) {
    try {
      EvalLog log;
      if (resume && Files.exists(file)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        log = new EvalLog(Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.APPEND));
        for (String line : lines) {
          String[] p = line.trim().split(" ");
          if (p.length == 2 && p[0].matches("[01]+")) {
            try {
              log.known.put(p[0], Double.parseDouble(p[1]));
            } catch (NumberFormatException torn) {
              // a line cut by a kill: its point is simply evaluated again
            }
          }
        }
      } else {
        Files.createDirectories(file.toAbsolutePath().getParent());
        log = new EvalLog(Files.newBufferedWriter(file, StandardCharsets.US_ASCII));
      }
      return log;
    } catch (IOException e) {
      throw new QpruneException("Cannot open the evaluation log " + file + ": " + e.getMessage(), e);
    }
  }

  static String key(int[] x) {
    char[] c = new char[x.length];
    for (int i = 0; i < x.length; i++) {
      c[i] = (char) ('0' + x[i]);
    }
    return new String(c);
  }

  Double get(int[] x) {
    return known.get(key(x));
  }

  int size() {
    return known.size();
  }

  void put(int[] x, double psnr) {
    String k = key(x);
    known.put(k, psnr);
    if (out != null) {
      try {
        out.write(k + " " + String.format(Locale.ROOT, "%.17g", psnr) + "\n");
      } catch (IOException e) {
        throw new QpruneException("Cannot append to the evaluation log: " + e.getMessage(), e);
      }
    }
  }

  void flush() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new QpruneException("Cannot write the evaluation log: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new QpruneException("Cannot close the evaluation log: " + e.getMessage(), e);
      }
    }
  }
}
