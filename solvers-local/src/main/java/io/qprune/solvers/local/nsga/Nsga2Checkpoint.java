package io.qprune.solvers.local.nsga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.blackbox.MultiObjectiveProblem;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * An NSGA-II run's whole state as JSON (format "qprune-nsga2", version 1): a fingerprint of the
 * problem, the seed and parameters (checked on resume), generation counters, the population, every
 * evaluated genome (keys in Base64) with its objective vector, and the hypervolume trace. Doubles
 * are written in their shortest round-tripping form, so a resumed run continues bit for bit.
 */
final class Nsga2Checkpoint {
  static final String FORMAT = "qprune-nsga2";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Nsga2Checkpoint() {}

  static <G> byte[] write(Nsga2State<G> s, MultiObjectiveProblem<G> problem, Nsga2Config cfg,
      Representation<G> rep) {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", FORMAT).put("version", VERSION).put("problem", fingerprint(problem)).put("seed", s.seed)
        .put("params", cfg.toString()).put("steps", s.steps).put("stall", s.stall)
        .put("flip_rate", s.flipRate);
    ArrayNode population = o.putArray("population");
    for (G g : s.population) {
      population.add(encode(rep.key(g)));
    }
    ArrayNode keys = o.putArray("evaluated");
    ArrayNode values = o.putArray("values");
    for (Map.Entry<String, double[]> e : s.cache.entries()) {
      keys.add(encode(e.getKey()));
      ArrayNode v = values.addArray();
      Arrays.stream(e.getValue()).forEach(v::add);
    }
    ArrayNode hv = o.putArray("hypervolume");
    s.hypervolume.forEach(hv::add);
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException("could not write an NSGA-II checkpoint", e);
    }
  }

  static <G> Nsga2State<G> read(byte[] bytes, MultiObjectiveProblem<G> problem, Nsga2Config cfg,
      Representation<G> rep, long seed) {
    JsonNode o;
    try {
      o = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new InvalidInputException("The resume state is not NSGA-II checkpoint JSON: " + e.getMessage()
          + ". Maybe it came from another optimiser", e);
    }
    if (o == null || !FORMAT.equals(o.path("format").asText()) || o.path("version").asInt() != VERSION) {
      throw new InvalidInputException("The resume state is not a version-" + VERSION + " '" + FORMAT
          + "' checkpoint (format '" + (o == null ? "" : o.path("format").asText()) + "')");
    }
    expect("problem", o.path("problem").asText(), fingerprint(problem));
    expect("seed", o.path("seed").asText(), Long.toString(seed));
    expect("parameters", o.path("params").asText(), cfg.toString());
    Nsga2State<G> s = new Nsga2State<>(seed, o.path("flip_rate").asDouble(cfg.flipRate()));
    JsonNode values = o.path("values");
    int i = 0;
    for (JsonNode k : o.path("evaluated")) {
      JsonNode v = values.get(i++);
      double[] f = new double[v.size()];
      for (int j = 0; j < f.length; j++) {
        f[j] = v.get(j).doubleValue();
      }
      s.cache.put(decode(k.asText()), f);
    }
    for (JsonNode k : o.path("population")) {
      String key = decode(k.asText());
      s.population.add(rep.fromKey(key));
      s.objectives.add(s.cache.get(key).clone());
    }
    o.path("hypervolume").forEach(h -> s.hypervolume.add(h.doubleValue()));
    s.steps = o.path("steps").asInt();
    s.stall = o.path("stall").asInt();
    return s;
  }

  /** The problem's shape, bounds and scores, so a checkpoint is not resumed on another problem. */
  static String fingerprint(MultiObjectiveProblem<?> p) {
    double[] bounds = new double[2 * p.length()];
    for (int i = 0; i < p.length(); i++) {
      bounds[2 * i] = p.lower(i);
      bounds[2 * i + 1] = p.upper(i);
    }
    return p + "#" + Arrays.hashCode(bounds) + "#" + p.scores().map(Arrays::hashCode).orElse(0);
  }

  private static void expect(String field, String found, String wanted) {
    if (!found.equals(wanted)) {
      throw new InvalidInputException("The resume state has " + field + " " + found + " but this run has "
          + wanted + "; resume with the problem, seed and optimiser parameters the checkpoint came from");
    }
  }

  private static String encode(String key) {
    byte[] b = new byte[2 * key.length()];
    for (int i = 0; i < key.length(); i++) {
      b[2 * i] = (byte) (key.charAt(i) >> 8);
      b[2 * i + 1] = (byte) key.charAt(i);
    }
    return Base64.getEncoder().encodeToString(b);
  }

  private static String decode(String text) {
    byte[] b = Base64.getDecoder().decode(text);
    char[] c = new char[b.length / 2];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) ((b[2 * i] & 0xFF) << 8 | b[2 * i + 1] & 0xFF);
    }
    return new String(c);
  }
}
