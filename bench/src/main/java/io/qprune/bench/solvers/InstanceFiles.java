package io.qprune.bench.solvers;

import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Expands the files and folders given on the command line into instance files, in a stable order. */
public final class InstanceFiles {
  /** Files in instance folders that are tables, notes or solutions, never instances. */
  private static final Set<String> NOT_INSTANCES = Set.of("csv", "tsv", "md", "html", "pdf", "png", "sh");

  private InstanceFiles() {}

  /** Files as given; folders replaced by the instance files under them (recursively, sorted). */
  public static List<Path> expand(List<Path> given) {
    List<Path> out = new ArrayList<>();
    for (Path p : given) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).filter(InstanceFiles::looksLikeInstance)
              .sorted(InstanceFiles::natural).forEach(out::add);
        } catch (IOException e) {
          throw new InvalidInputException("Cannot list folder " + p + ": " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new InvalidInputException("Instance path " + p + " does not exist. Check the path"
            + " (files or folders of OR-Library, Gset, qbsolv or BQM JSON instances).");
      }
    }
    if (out.isEmpty()) {
      throw new InvalidInputException("No instance files found under " + given
          + ". Give instance files, or folders that hold them.");
    }
    return out;
  }

  static boolean looksLikeInstance(Path f) {
    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.startsWith(".") || name.startsWith("readme")) {
      return false;
    }
    String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    int dot = base.lastIndexOf('.');
    return dot < 0 || !NOT_INSTANCES.contains(base.substring(dot + 1));
  }

  /** Orders G2 before G10 and bqp50 before bqp100: digit runs compare as numbers. */
  static int natural(Path a, Path b) {
    String x = a.toString();
    String y = b.toString();
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      char c = x.charAt(i);
      char d = y.charAt(j);
      if (Character.isDigit(c) && Character.isDigit(d)) {
        int i2 = i;
        int j2 = j;
        while (i2 < x.length() && Character.isDigit(x.charAt(i2))) {
          i2++;
        }
        while (j2 < y.length() && Character.isDigit(y.charAt(j2))) {
          j2++;
        }
        int cmp = new java.math.BigInteger(x.substring(i, i2)).compareTo(new java.math.BigInteger(y.substring(j, j2)));
        if (cmp != 0) {
          return cmp;
        }
        i = i2;
        j = j2;
      } else {
        if (c != d) {
          return Character.compare(c, d);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(x.length() - i, y.length() - j);
  }
}
