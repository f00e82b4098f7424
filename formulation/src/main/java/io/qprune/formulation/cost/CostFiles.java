package io.qprune.formulation.cost;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.importance.UnitLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A network's cost model from a file, for users who prune their own network with {@code --scores}
 * (the PyTorch companion's {@code qprune_torch.scores --cost-out cost.json} writes it):
 * <pre>{"flops":  {"constant": c, "linear": {"&lt;unit id&gt;": v, ...}, "pairwise": [["&lt;id a&gt;", "&lt;id b&gt;", w], ...]},
 *  "params": {...}}</pre>
 * so that {@code cost(x) = constant + Σ linear·x + Σ w·x_a·x_b} over the kept flags. Either kind
 * may be absent; a unit without a linear entry costs 0 on its own. Every id must be a unit of the
 * scores' layout; errors name the file, the kind and the entry.
 */
public final class CostFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CostFiles() {}

  /**
   * The budget's cost from {@code file}: its {@code kind} cost, capped by its {@code latency} cost
   * at {@code latencyCap} of the unpruned network when a cap is given (null: none).
   */
  public static MaskCost readBudget(Path file, CostKind kind, Double latencyCap, UnitLayout layout) {
    QuadraticCost cost = read(file, kind, layout);
    return latencyCap == null ? cost
        : new CappedCost(cost, java.util.List.of(new CappedCost.Cap(read(file, CostKind.LATENCY, layout), latencyCap)));
  }

  /** Reads the {@code kind} cost of {@code file} over {@code layout}'s units. */
  public static QuadraticCost read(Path file, CostKind kind, UnitLayout layout) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read the cost file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString(), kind, layout);
  }

  /** Parses the JSON text; {@code source} names it in errors. */
  public static QuadraticCost parse(String text, String source, CostKind kind, UnitLayout layout) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new InvalidInputException(source + " is not valid JSON (line "
          + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(source + ": expected an object with 'flops', 'params' and/or 'latency'");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("flops") && !f.equals("params") && !f.equals("latency")) {
        throw new InvalidInputException(source + ": unknown field '" + f + "'; expected flops, params, latency");
      }
    }
    String name = kind.toString();
    JsonNode c = root.get(name);
    if (c == null || !c.isObject()) {
      throw new InvalidInputException(source + " has no '" + name + "' cost; a " + name
          + " budget needs one");
    }
    String where = source + ": " + name;
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < layout.size(); i++) {
      index.put(layout.id(i), i);
    }
    double constant = number(c.get("constant"), where + ".constant", 0);
    double[] linear = new double[layout.size()];
    JsonNode lin = c.get("linear");
    if (lin != null && !lin.isNull()) {
      if (!lin.isObject()) {
        throw new InvalidInputException(where + ".linear is " + lin.getNodeType() + ", not an object of unit id -> cost");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = lin.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        linear[unit(index, e.getKey(), where + ".linear")] =
            number(e.getValue(), where + ".linear['" + e.getKey() + "']", Double.NaN);
      }
    }
    List<int[]> pairs = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    JsonNode pw = c.get("pairwise");
    if (pw != null && !pw.isNull()) {
      if (!pw.isArray()) {
        throw new InvalidInputException(where + ".pairwise is not an array of [id a, id b, weight]");
      }
      for (int k = 0; k < pw.size(); k++) {
        JsonNode p = pw.get(k);
        String at = where + ".pairwise[" + k + "]";
        if (!p.isArray() || p.size() != 3 || !p.get(0).isTextual() || !p.get(1).isTextual()) {
          throw new InvalidInputException(at + " is " + p + "; expected [\"id a\", \"id b\", weight]");
        }
        int a = unit(index, p.get(0).asText(), at);
        int b = unit(index, p.get(1).asText(), at);
        if (a == b) {
          throw new InvalidInputException(at + " pairs unit '" + p.get(0).asText() + "' with itself");
        }
        pairs.add(new int[] {a, b});
        weights.add(number(p.get(2), at + " weight", Double.NaN));
      }
    }
    int[] pi = new int[pairs.size()];
    int[] pj = new int[pairs.size()];
    double[] w = new double[pairs.size()];
    for (int k = 0; k < w.length; k++) {
      pi[k] = pairs.get(k)[0];
      pj[k] = pairs.get(k)[1];
      w[k] = weights.get(k);
    }
    QuadraticCost cost = new QuadraticCost(name, layout.size(), constant, linear, pi, pj, w);
    if (!(cost.total() > 0)) {
      throw new InvalidInputException(where + ": the unpruned network costs " + cost.total()
          + "; a budget is a fraction of a positive total");
    }
    return cost;
  }

  private static int unit(Map<String, Integer> index, String id, String where) {
    Integer i = index.get(id);
    if (i == null) {
      throw new InvalidInputException(where + " names unit '" + id + "', which the scores do not have");
    }
    return i;
  }

  private static double number(JsonNode v, String where, double absent) {
    if (v == null || v.isNull()) {
      if (Double.isNaN(absent)) {
        throw new InvalidInputException(where + " is missing");
      }
      return absent;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new InvalidInputException(where + " is " + v + ", not a finite number");
    }
    return v.asDouble();
  }
}
