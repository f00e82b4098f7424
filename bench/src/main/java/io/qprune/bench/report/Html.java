package io.qprune.bench.report;

import java.util.List;

/** Small HTML helpers: escaping, tables, figures. */
final class Html {
  static final String CSS = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;"
      + "margin:2em auto;padding:0 1em;color:#222;line-height:1.45}h1{font-size:1.6em}h2{margin-top:2em;"
      + "border-bottom:1px solid #ccc}table{border-collapse:collapse;margin:1em 0;font-size:.88em}"
      + "th,td{border:1px solid #ccc;padding:.25em .55em;text-align:right}th{background:#f3f3f3}"
      + "td.l,th.l{text-align:left}pre{background:#f7f7f7;padding:.7em;overflow-x:auto;font-size:.85em}"
      + "figure{margin:1em 0}figcaption{font-size:.85em;color:#555}img{max-width:100%;border:1px solid #eee}"
      + "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:600}dd{margin:0}"
      + ".note{font-size:.9em;color:#444}";

  private Html() {}

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** A table whose first line is the header; columns in {@code left} are left-aligned. */
  static String table(List<String[]> lines, List<Integer> left) {
    StringBuilder sb = new StringBuilder("<table>\n");
    for (int k = 0; k < lines.size(); k++) {
      sb.append("<tr>");
      String[] l = lines.get(k);
      for (int c = 0; c < l.length; c++) {
        String tag = k == 0 ? "th" : "td";
        sb.append('<').append(tag).append(left.contains(c) ? " class=\"l\"" : "").append('>').append(esc(l[c]))
            .append("</").append(tag).append('>');
      }
      sb.append("</tr>\n");
    }
    return sb.append("</table>\n").toString();
  }

  /** A figure showing {@code name.png}, linking its SVG twin. */
  static String figure(String name, String caption) {
    return "<figure><img src=\"" + esc(name) + ".png\" alt=\"" + esc(caption) + "\"><figcaption>" + esc(caption)
        + " (<a href=\"" + esc(name) + ".svg\">SVG</a>)</figcaption></figure>\n";
  }
}
