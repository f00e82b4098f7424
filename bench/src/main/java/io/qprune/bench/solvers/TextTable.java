package io.qprune.bench.solvers;

import java.util.List;

/** Lays out rows of cells as a plain-text table: a header, a rule, columns padded to width. */
public final class TextTable {
  private TextTable() {}

  /** The table; columns listed in {@code leftAligned} are padded on the right, the rest on the left. */
  public static String format(List<String[]> lines, List<Integer> leftAligned) {
    int cols = lines.get(0).length;
    int[] width = new int[cols];
    for (String[] l : lines) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], l[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < lines.size(); k++) {
      String[] l = lines.get(k);
      for (int c = 0; c < cols; c++) {
        String fill = " ".repeat(width[c] - l[c].length());
        sb.append(c == 0 ? "" : "  ").append(leftAligned.contains(c) ? l[c] + fill : fill + l[c]);
      }
      sb.append('\n');
      if (k == 0) {
        for (int c = 0; c < cols; c++) {
          sb.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        sb.append('\n');
      }
    }
    return sb.toString().replaceAll(" +\n", "\n");
  }
}
