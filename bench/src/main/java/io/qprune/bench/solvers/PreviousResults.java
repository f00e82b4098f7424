package io.qprune.bench.solvers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells an interrupted campaign already finished, read back from its {@code results.json} for
 * {@code --resume}; refuses a folder whose recorded plan is not the plan being resumed.
 */
public final class PreviousResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PreviousResults() {}

  /** The finished cells in {@code dir} (none when it holds no results.json yet). */
  public static Map<Cell, BenchRow> load(Path dir, BenchPlan plan) {
    Path file = dir.resolve("results.json");
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    JsonNode doc;
    JsonNode now;
    try {
      doc = JSON.readTree(file.toFile());
      now = JSON.readTree(JSON.writeValueAsString(plan.describe())); // same number types as the file's
    } catch (IOException e) {
      throw new InvalidInputException("Cannot resume: " + file + " is not readable JSON (" + e.getMessage()
          + "). Move it away to start over.", e);
    }
    JsonNode recorded = doc.get("plan");
    if (recorded == null || !recorded.isObject()) {
      throw new InvalidInputException("Cannot resume into " + dir + ": its results.json records no plan, so"
          + " it cannot be checked against this one. Use a new --out folder, or drop --resume to start over.");
    }
    List<String> diffs = new ArrayList<>();
    now.fieldNames().forEachRemaining(k -> {
      if (!now.get(k).equals(recorded.get(k))) {
        diffs.add(k + " was " + recorded.get(k) + ", now " + now.get(k));
      }
    });
    if (!diffs.isEmpty()) {
      throw new InvalidInputException("Cannot resume into " + dir + ": its results.json was written by a"
          + " different plan (" + String.join("; ", diffs) + "). Use a new --out folder, or drop --resume to"
          + " start over there.");
    }
    Map<Cell, BenchRow> done = new LinkedHashMap<>();
    for (JsonNode r : doc.path("results")) {
      BenchRow row = row(r);
      done.put(row.cell(), row);
    }
    return done;
  }

  private static BenchRow row(JsonNode r) {
    return new BenchRow(r.path("instance").asText(), r.path("variables").asInt(), r.path("solver").asText(),
        r.path("label").asText(), r.path("repeat").asInt(), r.path("seed").asLong(),
        r.path("time_limit_s").asDouble(), r.path("objective").asDouble(), r.path("maximise").asBoolean(),
        orNull(r.get("best_known")), orNaN(r.get("time_to_best_s")), r.path("total_s").asDouble(),
        orNull(r.get("service_seconds")), orNaN(r.get("rate")), r.path("rate_unit").asText());
  }

  private static Double orNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asDouble();
  }

  private static double orNaN(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }
}
