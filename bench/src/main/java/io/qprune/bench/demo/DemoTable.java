package io.qprune.bench.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The demo's comparison as table rows (shared by the terminal, Markdown and HTML outputs). */
final class DemoTable {
  static final List<String> HEAD = List.of("method", "pruned to", "kept units", "params", "FLOPs",
      "test PSNR (dB)", "vs unpruned", "test SSIM", "seconds");

  private DemoTable() {}

  /** The unpruned row, then each FLOPs budget's rows (equal cost), then each sparsity's. */
  static List<List<String>> rows(Demo.Outcome o) {
    List<List<String>> out = new ArrayList<>();
    out.add(row(o.unpruned(), o.unpruned(), false));
    for (double b : o.rows().stream().filter(DemoRow::budgeted).map(DemoRow::flopsBudget).distinct().toList()) {
      group(out, o, o.rows().stream().filter(r -> r.budgeted() && r.flopsBudget() == b).toList());
    }
    for (double sp : o.rows().stream().filter(r -> !r.budgeted()).map(DemoRow::sparsity).distinct().toList()) {
      group(out, o, o.rows().stream().filter(r -> !r.budgeted() && r.sparsity() == sp).toList());
    }
    return out;
  }

  private static void group(List<List<String>> out, Demo.Outcome o, List<DemoRow> at) {
    double best = at.stream().mapToDouble(DemoRow::testPsnr).max().orElse(Double.NaN);
    for (DemoRow r : at) {
      out.add(row(r, o.unpruned(), r.testPsnr() == best));
    }
  }

  private static String target(DemoRow r, DemoRow ref) {
    return r == ref ? "" : r.budgeted() ? f("%.0f %% FLOPs", 100 * r.flopsBudget()) : f("sparsity %.2f", r.sparsity());
  }

  private static List<String> row(DemoRow r, DemoRow ref, boolean best) {
    return List.of((best ? "*" : "") + r.method(), target(r, ref), r.kept() + "/" + r.units(),
        f("%.1f %%", 100 * r.paramsFraction()), f("%.1f %%", 100 * r.flopsFraction()),
        f("%.3f", r.testPsnr()), r == ref ? "" : f("%+.3f", r.testPsnr() - ref.testPsnr()),
        f("%.4f", r.testSsim()), r == ref ? "" : f("%.1f", r.seconds()));
  }

  /** Fixed-width text for the terminal (the best row of each budget and sparsity marked with *). */
  static String text(Demo.Outcome o) {
    StringBuilder sb = new StringBuilder();
    String fmt = "%-19s %15s %10s %8s %8s %14s %11s %9s %8s%n";
    sb.append(String.format(Locale.ROOT, fmt, HEAD.toArray()));
    for (List<String> r : rows(o)) {
      List<String> c = new ArrayList<>(r);
      c.set(0, c.get(0).startsWith("*") ? c.get(0).substring(1) + " *" : c.get(0));
      sb.append(String.format(Locale.ROOT, fmt, c.toArray()));
    }
    return sb.toString();
  }

  /** A Markdown table. */
  static String markdown(Demo.Outcome o) {
    StringBuilder sb = new StringBuilder("| " + String.join(" | ", HEAD) + " |\n|");
    HEAD.forEach(h -> sb.append("---|"));
    sb.append('\n');
    for (List<String> r : rows(o)) {
      List<String> c = new ArrayList<>(r);
      c.set(0, c.get(0).startsWith("*") ? "**" + c.get(0).substring(1) + "**" : c.get(0));
      sb.append("| ").append(String.join(" | ", c)).append(" |\n");
    }
    return sb.toString();
  }

  static String f(String fmt, double v) {
    return String.format(Locale.ROOT, fmt, v);
  }
}
