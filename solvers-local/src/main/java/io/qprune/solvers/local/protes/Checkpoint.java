package io.qprune.solvers.local.protes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.blackbox.BlackBoxProblem;
import io.qprune.api.blackbox.BlackBoxResult.Improvement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A PROTES run's whole state as JSON (format "qprune-protes", version 1): shape, seed and the
 * parameters that steer the trajectory (checked on resume), iteration, cores, Adam moments, every
 * evaluated point with its value, the best point and the improvement trace. Doubles are written
 * in their shortest round-tripping form, so a resumed run continues bit for bit.
 */
final class Checkpoint {
  static final String FORMAT = "qprune-protes";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Checkpoint() {}

  static byte[] write(ProtesState s, BlackBoxProblem problem, ProtesConfig cfg) {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", FORMAT);
    o.put("version", VERSION);
    o.put("d", problem.dimensions());
    o.put("n", problem.choices());
    o.put("ones", problem.ones().isPresent() ? problem.ones().getAsInt() : -1);
    o.put("start", problem.start().map(x -> Points.encode(x, problem.choices())).orElse(""));
    o.put("seed", s.seed);
    o.put("params", cfg.toString());
    o.put("iteration", s.iteration);
    o.put("stall", s.stall);
    o.put("evaluations", s.evaluations());
    doubles(o.putArray("cores"), s.train.parameters());
    o.put("adam_steps", s.adam.steps());
    doubles(o.putArray("adam_m"), s.adam.firstMoment());
    doubles(o.putArray("adam_v"), s.adam.secondMoment());
    ArrayNode points = o.putArray("points");
    ArrayNode values = o.putArray("values");
    for (int i = 0; i < s.cache.size(); i++) {
      points.add(Points.encode(s.cache.point(i), problem.choices()));
      values.add(s.cache.value(i));
    }
    ArrayNode trace = o.putArray("trace");
    for (Improvement imp : s.trace) {
      trace.addArray().add(imp.evaluations()).add(imp.value());
    }
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException("could not write a PROTES checkpoint", e);
    }
  }

  static ProtesState read(byte[] bytes, BlackBoxProblem problem, ProtesConfig cfg, long seed) {
    JsonNode o;
    try {
      o = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new InvalidInputException("The resume state is not PROTES checkpoint JSON: " + e.getMessage()
          + ". Maybe it came from another optimiser", e);
    }
    if (o == null || !FORMAT.equals(o.path("format").asText()) || o.path("version").asInt() != VERSION) {
      throw new InvalidInputException("The resume state is not a version-" + VERSION + " '" + FORMAT
          + "' checkpoint (format '" + (o == null ? "" : o.path("format").asText()) + "', version "
          + (o == null ? "" : o.path("version").asText()) + ")");
    }
    expect("d", o.path("d").asLong(), problem.dimensions());
    expect("n", o.path("n").asLong(), problem.choices());
    expect("ones", o.path("ones").asLong(), problem.ones().isPresent() ? problem.ones().getAsInt() : -1);
    expect("seed", o.path("seed").asLong(), seed);
    String start = problem.start().map(x -> Points.encode(x, problem.choices())).orElse("");
    if (!start.equals(o.path("start").asText())) {
      throw new InvalidInputException("The resume state was made with a different start point than this"
          + " problem's; resume with the problem the checkpoint came from");
    }
    if (!cfg.toString().equals(o.path("params").asText())) {
      throw new InvalidInputException("The resume state was made with PROTES parameters "
          + o.path("params").asText() + " but this optimiser has " + cfg + "; use the same parameters");
    }
    TensorTrain train = TensorTrain.of(problem.dimensions(), problem.choices(), cfg.rank(), doubles(o, "cores"));
    Adam adam = new Adam(cfg.lr(), doubles(o, "adam_m"), doubles(o, "adam_v"), o.path("adam_steps").asLong());
    List<Improvement> trace = new ArrayList<>();
    for (JsonNode t : o.path("trace")) {
      trace.add(new Improvement(t.get(0).asLong(), t.get(1).doubleValue()));
    }
    ProtesState s = new ProtesState(seed, train, adam, new PointCache(), trace);
    JsonNode values = o.path("values");
    int i = 0;
    for (JsonNode p : o.path("points")) {
      int[] x = Points.decode(p.asText(), problem.dimensions(), problem.choices());
      double v = values.get(i++).doubleValue();
      s.cache.put(x, v);
      if (v < s.bestValue) {
        s.bestValue = v;
        s.best = x;
      }
    }
    expect("evaluations", o.path("evaluations").asLong(), s.evaluations());
    s.iteration = o.path("iteration").asInt();
    s.stall = o.path("stall").asInt();
    return s;
  }

  private static void expect(String field, long found, long wanted) {
    if (found != wanted) {
      throw new InvalidInputException("The resume state has " + field + " = " + found + " but this run has "
          + field + " = " + wanted + "; resume with the problem, seed and optimiser the checkpoint came from");
    }
  }

  private static void doubles(ArrayNode a, double[] v) {
    for (double x : v) {
      a.add(x);
    }
  }

  private static double[] doubles(JsonNode o, String field) {
    JsonNode a = o.path(field);
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).doubleValue();
    }
    return v;
  }
}
