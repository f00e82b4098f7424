package io.qprune.bench.pruning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the comparison's rows into its summary, as CSV and as a Markdown table. */
public final class PruningTable {
  private PruningTable() {}

  /** One summary per (sparsity, method), in the order the rows first appear. */
  public static List<SummaryRow> summarise(List<RunRow> rows) {
    Map<String, List<RunRow>> groups = new LinkedHashMap<>();
    for (RunRow r : rows) {
      groups.computeIfAbsent(r.method() + "@" + r.sparsity(), k -> new ArrayList<>()).add(r);
    }
    List<SummaryRow> out = new ArrayList<>();
    groups.values().forEach(g -> out.add(SummaryRow.of(g)));
    out.sort(java.util.Comparator.comparingDouble(SummaryRow::sparsity));
    return out;
  }

  /** Every run, one CSV line each. */
  public static String runsCsv(List<RunRow> rows) {
    StringBuilder sb = new StringBuilder(RunRow.CSV_HEADER).append('\n');
    rows.forEach(r -> sb.append(r.csv()).append('\n'));
    return sb.toString();
  }

  /** The summary as CSV. */
  public static String summaryCsv(List<SummaryRow> rows) {
    StringBuilder sb = new StringBuilder("method,sparsity,runs,test_psnr_mean,test_psnr_std,"
        + "test_ssim_mean,test_ssim_std,val_psnr_mean,params_fraction,flops_fraction,score_s,"
        + "select_s,eval_s,exact_k_runs,alpha_beta\n");
    for (SummaryRow r : rows) {
      sb.append(String.format(Locale.ROOT, "%s,%.2f,%d,%.4f,%.4f,%.5f,%.5f,%.4f,%.4f,%.4f,%.2f,%.3f,%.2f,%d,%s%n",
          r.method(), r.sparsity(), r.runs(), r.psnrMean(), r.psnrStd(), r.ssimMean(), r.ssimStd(),
          r.valPsnrMean(), r.paramsFraction(), r.flopsFraction(), r.scoreSeconds(),
          r.selectSeconds(), r.evalSeconds(), r.exactK(), r.alphaBeta()));
    }
    return sb.toString();
  }

  /** The summary as a Markdown table; {@code note} goes in a line above it. */
  public static String markdown(List<SummaryRow> rows, String note) {
    StringBuilder sb = new StringBuilder();
    if (!note.isBlank()) {
      sb.append(note).append("\n\n");
    }
    sb.append("| sparsity | method | test PSNR (dB) | test SSIM | val PSNR (crops) | params | FLOPs"
        + " | exact k | α/β | scores s | select s | eval s |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (SummaryRow r : rows) {
      sb.append(String.format(Locale.ROOT,
          "| %.2f | %s | %.3f ± %.3f | %.4f ± %.4f | %s | %.1f %% | %.1f %% | %d/%d | %s | %.1f | %.2f | %.1f |%n",
          r.sparsity(), r.method(), r.psnrMean(), r.psnrStd(), r.ssimMean(), r.ssimStd(),
          Double.isNaN(r.valPsnrMean()) ? "–" : String.format(Locale.ROOT, "%.3f", r.valPsnrMean()),
          100 * r.paramsFraction(), 100 * r.flopsFraction(), r.exactK(), r.runs(),
          r.alphaBeta().isEmpty() ? "–" : r.alphaBeta(), r.scoreSeconds(), r.selectSeconds(),
          r.evalSeconds()));
    }
    return sb.toString();
  }
}
