package io.qprune.bench.report;

import java.util.List;

/** A builder of self-contained HTML report pages (inline CSS, no scripts, renders from file://). */
public final class HtmlPage {
  // the shared report look, plus what these pages add: left-aligned first column, best rows, crops
  private static final String STYLE = Html.CSS + "td:first-child,th:first-child{text-align:left}"
      + "tr.best td{font-weight:600;background:#eef7ee}"
      + "figure{display:inline-block;margin:.5em;text-align:center}"
      + "img.crop{image-rendering:pixelated;width:256px;height:256px;border:1px solid #999}";
  private final StringBuilder body = new StringBuilder();
  private final String title;

  public HtmlPage(String title) {
    this.title = title;
    body.append("<h1>").append(esc(title)).append("</h1>\n");
  }

  private static String esc(String s) {
    return Html.esc(s);
  }

  public HtmlPage h2(String text) {
    body.append("<h2>").append(esc(text)).append("</h2>\n");
    return this;
  }

  public HtmlPage p(String text) {
    body.append("<p>").append(esc(text)).append("</p>\n");
    return this;
  }

  public HtmlPage note(String text) {
    body.append("<p class=\"note\">").append(esc(text)).append("</p>\n");
    return this;
  }

  public HtmlPage pre(String text) {
    body.append("<pre>").append(esc(text)).append("</pre>\n");
    return this;
  }

  /** A table; rows whose first cell starts with "*" are highlighted (the marker is dropped). */
  public HtmlPage table(List<String> head, List<List<String>> rows) {
    body.append("<table>\n<tr>");
    head.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
    body.append("</tr>\n");
    for (List<String> r : rows) {
      boolean best = !r.isEmpty() && r.get(0).startsWith("*");
      body.append(best ? "<tr class=\"best\">" : "<tr>");
      for (int i = 0; i < r.size(); i++) {
        String c = i == 0 && best ? r.get(0).substring(1) : r.get(i);
        body.append("<td>").append(esc(c)).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  /** A plot (PNG, with a link to its SVG twin when {@code svg} is not null). */
  public HtmlPage plot(String png, String svg, String alt) {
    body.append("<p><img class=\"plot\" src=\"").append(esc(png)).append("\" alt=\"").append(esc(alt))
        .append("\">");
    if (svg != null) {
      body.append("<br><a href=\"").append(esc(svg)).append("\">SVG</a>");
    }
    body.append("</p>\n");
    return this;
  }

  /** A row of image crops with captions. */
  public HtmlPage crops(List<String[]> srcAndCaption) {
    body.append("<div>\n");
    for (String[] c : srcAndCaption) {
      body.append("<figure><img class=\"crop\" src=\"").append(esc(c[0])).append("\" alt=\"")
          .append(esc(c[1])).append("\"><figcaption>").append(esc(c[1])).append("</figcaption></figure>\n");
    }
    body.append("</div>\n");
    return this;
  }

  /** The whole page. */
  public String render() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title)
        + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
  }
}
