package io.qprune.api.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.SolveInfo;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link SolveInfo} as a sample set's {@code info} object:
 * {@code {"solver": .., "timing": {"total_s": .., "time_to_best_s": ..}, ..properties}}.
 *
 * <p>Unknown times are left out. Entries of a {@code timing} object other than the two times
 * (a D-Wave answer's QPU timings, say) are kept as a {@code timing} property and written back into it.
 */
final class SolveInfoJson {
  private static final String TOTAL = "total_s";
  private static final String TO_BEST = "time_to_best_s";

  private SolveInfoJson() {}

  static void write(JsonGenerator g, SolveInfo info) throws IOException {
    g.writeStartObject();
    boolean hasSolver = !info.solver().isEmpty();
    if (hasSolver) {
      g.writeStringField("solver", info.solver());
    }
    Object extraTiming = info.properties().get("timing");
    boolean timingMap = extraTiming instanceof Map;
    if (Double.isFinite(info.totalSeconds()) || Double.isFinite(info.timeToBestSeconds()) || timingMap) {
      g.writeObjectFieldStart("timing");
      if (Double.isFinite(info.totalSeconds())) {
        g.writeNumberField(TOTAL, info.totalSeconds());
      }
      if (Double.isFinite(info.timeToBestSeconds())) {
        g.writeNumberField(TO_BEST, info.timeToBestSeconds());
      }
      if (timingMap) {
        for (Map.Entry<?, ?> e : ((Map<?, ?>) extraTiming).entrySet()) {
          String key = String.valueOf(e.getKey());
          if (!key.equals(TOTAL) && !key.equals(TO_BEST)) {
            property(g, "timing." + key, key, e.getValue());
          }
        }
      }
      g.writeEndObject();
    }
    for (Map.Entry<String, Object> e : info.properties().entrySet()) {
      String key = e.getKey();
      if ((key.equals("timing") && timingMap) || (key.equals("solver") && hasSolver)) {
        continue; // already written above
      }
      property(g, key, key, e.getValue());
    }
    g.writeEndObject();
  }

  private static void property(JsonGenerator g, String what, String key, Object value) throws IOException {
    g.writeFieldName(key);
    try {
      JsonDoc.MAPPER.writeValue(g, value);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("Solve info property '" + what + "' (" + value
          + ") cannot be written as JSON; use numbers, strings, booleans, lists or maps", e);
    }
  }

  static SolveInfo read(JsonFields f, JsonNode info, String ptr) {
    if (info == null) {
      return SolveInfo.empty();
    }
    f.object(info, ptr);
    String solver = "";
    double total = Double.NaN;
    double toBest = Double.NaN;
    Map<String, Object> props = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = info.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (e.getKey().equals("solver") && v.isTextual()) {
        solver = v.textValue();
      } else if (e.getKey().equals("timing") && v.isObject()) {
        Map<String, Object> rest = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> t = v.fields(); t.hasNext(); ) {
          Map.Entry<String, JsonNode> te = t.next();
          String p = ptr + "/timing/" + te.getKey();
          if (te.getKey().equals(TOTAL)) {
            total = f.finite(te.getValue(), p);
          } else if (te.getKey().equals(TO_BEST)) {
            toBest = f.finite(te.getValue(), p);
          } else {
            rest.put(te.getKey(), value(te.getValue()));
          }
        }
        if (!rest.isEmpty()) {
          props.put("timing", rest);
        }
      } else {
        props.put(e.getKey(), value(v));
      }
    }
    return new SolveInfo(solver, total, toBest, props);
  }

  private static Object value(JsonNode n) {
    return JsonDoc.MAPPER.convertValue(n, Object.class);
  }
}
