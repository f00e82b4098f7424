package io.qprune.bench.embedding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The embedding bench's outputs: a table with one line per scope, graph and method (the per-layer
 * QUBOs summed or averaged over the layers), {@code embedding.csv} (a line per QUBO, graph, method
 * and chain-strength scale) and {@code embedding.json} (everything, with the largest cliques).
 */
public final class EmbeddingTable {
  private EmbeddingTable() {}

  /** The summary table (markdown), one line per scope × graph × method. */
  public static String table(List<EmbeddingRow> rows, double[] scales) {
    StringBuilder b = new StringBuilder("| scope | graph | method | embedded | chains by | embedding s | qubits |"
        + " max chain | mean chain |");
    for (double s : scales) {
      b.append(String.format(Locale.ROOT, " breaks @ %s×UTC |", fmt(s)));
    }
    b.append(" best − sa (logical) |\n|---|---|---|---|---|---|---|---|---|");
    b.append("---|".repeat(scales.length)).append("---|\n");
    for (List<EmbeddingRow> g : groups(rows).values()) {
      List<EmbeddingRow> ok = g.stream().filter(EmbeddingRow::ok).toList();
      EmbeddingRow f = g.get(0);
      boolean layers = f.c().scope().equals("layer");
      b.append("| ").append(layers ? g.size() + " layers, each alone" : f.c().name() + " (" + f.c().qubo().numVariables()
          + " units)").append(" | ").append(f.graph()).append(" | ").append(f.method()).append(" | ")
          .append(ok.size()).append('/').append(g.size()).append(" | ");
      if (ok.isEmpty()) {
        b.append(g.get(0).status().replaceAll(":.*", "")).append(" |").append(" - |".repeat(4 + scales.length))
            .append(" - |\n");
        continue;
      }
      b.append(String.join(" / ", ok.stream().map(EmbeddingRow::used).distinct().toList())).append(" | ");
      double secs = ok.stream().mapToDouble(EmbeddingRow::seconds).sum();
      double qubits = ok.stream().mapToInt(EmbeddingRow::qubits).average().orElse(0);
      int max = ok.stream().mapToInt(EmbeddingRow::chainMax).max().orElse(0);
      double mean = ok.stream().mapToDouble(EmbeddingRow::chainMean).average().orElse(0);
      b.append(String.format(Locale.ROOT, "%.2f%s | %s | %d | %.2f |", secs, layers ? " (sum)" : "",
          layers ? String.format(Locale.ROOT, "%.0f (mean)", qubits) : String.valueOf((int) qubits), max, mean));
      for (int k = 0; k < scales.length; k++) {
        final int at = k;
        double cbf = ok.stream().mapToDouble(r -> r.breaks().get(at).fractionMean()).average().orElse(0);
        b.append(String.format(Locale.ROOT, " %.4f |", cbf));
      }
      double gap = ok.stream().mapToDouble(r -> r.breaks().get(0).bestEnergy() - r.referenceEnergy()).sum();
      b.append(String.format(Locale.ROOT, " %.2e%s |%n", gap, layers ? " (sum)" : ""));
    }
    return b.toString();
  }

  private static Map<String, List<EmbeddingRow>> groups(List<EmbeddingRow> rows) {
    Map<String, List<EmbeddingRow>> g = new LinkedHashMap<>();
    for (EmbeddingRow r : rows) {
      g.computeIfAbsent(r.c().scope() + "|" + (r.c().scope().equals("layer") ? "" : r.c().name()) + "|" + r.graph()
          + "|" + r.method(), k -> new ArrayList<>()).add(r);
    }
    return g;
  }

  /** Writes embedding.csv: a line per QUBO, graph, method and chain-strength scale (one line when not embedded). */
  public static void writeCsv(Path file, List<EmbeddingRow> rows) {
    StringBuilder b = new StringBuilder("scope,qubo,variables,interactions,graph,working_qubits,method,status,chains_by,"
        + "embedding_seconds,qubits,chain_max,chain_mean,chain_strength_scale,chain_strength,auto_scale,"
        + "chain_break_fraction_mean,chain_break_fraction_max,best_energy,sa_logical_energy\n");
    for (EmbeddingRow r : rows) {
      String head = String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%d,%s,%s,%s,%.6f,%d,%d,%.4f", r.c().scope(), r.c().name(),
          r.c().qubo().numVariables(), r.c().qubo().numInteractions(), r.graph(), r.workingQubits(), r.method(),
          r.ok() ? "ok" : r.status().replaceAll(":.*", ""), r.used(), r.seconds(), r.qubits(), r.chainMax(), r.chainMean());
      if (r.breaks().isEmpty()) {
        b.append(head).append(String.format(Locale.ROOT, ",,,,,,,%.9g%n", r.referenceEnergy()));
      }
      for (EmbeddingRow.Breaks k : r.breaks()) {
        b.append(head).append(String.format(Locale.ROOT, ",%s,%.6g,%.6g,%.6f,%.6f,%.9g,%.9g%n", fmt(k.scale()),
            k.chainStrength(), k.autoScale(), k.fractionMean(), k.fractionMax(), k.bestEnergy(), r.referenceEnergy()));
      }
    }
    AtomicFiles.writeString(file, b.toString());
  }

  /** Writes embedding.json: settings, the largest clique per graph, and every row. */
  public static void writeJson(Path file, Map<String, Object> settings, Map<String, int[]> cliques,
      List<EmbeddingRow> rows) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.putPOJO("settings", settings);
    ObjectNode cl = root.putObject("largest_clique");
    cliques.forEach((g, c) -> cl.putObject(g).put("size", c[0]).put("max_chain_length", c[1]));
    ArrayNode arr = root.putArray("rows");
    for (EmbeddingRow r : rows) {
      ObjectNode n = arr.addObject();
      n.put("scope", r.c().scope()).put("qubo", r.c().name()).put("variables", r.c().qubo().numVariables())
          .put("interactions", r.c().qubo().numInteractions()).put("graph", r.graph())
          .put("working_qubits", r.workingQubits()).put("method", r.method()).put("status", r.status())
          .put("chains_by", r.used()).put("embedding_seconds", r.seconds()).put("qubits", r.qubits())
          .put("chain_max", r.chainMax()).put("sa_logical_energy", r.referenceEnergy());
      if (r.ok()) {
        n.put("chain_mean", r.chainMean());
      }
      ArrayNode br = n.putArray("anneals");
      for (EmbeddingRow.Breaks k : r.breaks()) {
        br.addObject().put("chain_strength_scale", k.scale()).put("chain_strength", k.chainStrength())
            .put("auto_scale", k.autoScale()).put("chain_break_fraction_mean", k.fractionMean())
            .put("chain_break_fraction_max", k.fractionMax()).put("best_energy", k.bestEnergy());
      }
    }
    try {
      AtomicFiles.writeString(file, m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes chain-breaks.png/.svg into {@code dir}; false when no whole-network row was embedded. */
  public static boolean plot(Path dir, List<EmbeddingRow> rows) {
    return ChainBreakPlot.write(dir, rows);
  }

  static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
