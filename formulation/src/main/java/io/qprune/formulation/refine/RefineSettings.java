package io.qprune.formulation.refine;

import io.qprune.api.InvalidInputException;
import io.qprune.api.spi.Suggest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TT-refinement stage's settings, the {@code refine:} block of a pruning config: whether it
 * runs, how many layers form the sub-problem (0 = all), the evaluation budget, the black-box
 * optimiser and its parameters, the validation crops of the objective and how often to checkpoint.
 */
public record RefineSettings(boolean enabled, int layers, long budget, String optimizer,
    Map<String, Object> parameters, int valCrops, int valCropSize, int checkpointEvery) {

  /** The defaults: off in {@code prune}, L = 8 layers, 1 300 evaluations, PROTES. */
  public static RefineSettings defaults() {
    return new RefineSettings(false, 8, 1300, "protes", Map.of(), 16, 128, 1);
  }

  public RefineSettings {
    if (layers < 0) {
      throw new InvalidInputException("refine.layers must be >= 0 (0 = all layers), got " + layers);
    }
    if (budget < 1) {
      throw new InvalidInputException("refine.budget must be >= 1 evaluation, got " + budget);
    }
    if (valCrops < 1 || valCropSize < 16) {
      throw new InvalidInputException("refine needs >= 1 validation crop of >= 16 pixels, got "
          + valCrops + " of " + valCropSize);
    }
    if (checkpointEvery < 1) {
      throw new InvalidInputException("refine.checkpoint_every must be >= 1, got " + checkpointEvery);
    }
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** The defaults overridden by a config's {@code refine:} mapping; an unknown key is an error. */
  public static RefineSettings parse(Object block) {
    if (block == null) {
      return defaults();
    }
    if (block instanceof RefineSettings r) {
      return r;
    }
    if (!(block instanceof Map<?, ?> map)) {
      throw new InvalidInputException("'refine' must be a mapping (enabled, layers, budget, optimizer,"
          + " optimizer_parameters, val_crops, val_crop_size, checkpoint_every), got " + block);
    }
    Map<String, Object> m = defaults().asMap();
    map.forEach((k, v) -> m.put(known(String.valueOf(k)), v));
    return fromMap(m);
  }

  /** A copy with one key set by its config name. */
  public RefineSettings with(String key, Object v) {
    Map<String, Object> m = asMap();
    m.put(known(key), v);
    return fromMap(m);
  }

  private static final List<String> KEYS = List.of("enabled", "layers", "budget", "optimizer",
      "optimizer_parameters", "val_crops", "val_crop_size", "checkpoint_every");

  private static String known(String key) {
    if (!KEYS.contains(key)) {
      throw new InvalidInputException("Unknown refine key '" + key + "'. Known keys: "
          + String.join(", ", KEYS) + "." + Suggest.maybe(key, KEYS));
    }
    return key;
  }

  /** Parses a complete mapping of every key (as {@link #asMap()} writes it). */
  private static RefineSettings fromMap(Map<String, Object> m) {
    return new RefineSettings(bool("enabled", m.get("enabled")), layersValue(m.get("layers")),
        whole("budget", m.get("budget")), String.valueOf(m.get("optimizer")),
        map(m.get("optimizer_parameters")), (int) whole("val_crops", m.get("val_crops")),
        (int) whole("val_crop_size", m.get("val_crop_size")),
        (int) whole("checkpoint_every", m.get("checkpoint_every")));
  }

  /** The settings as a config mapping (for reports). */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", enabled);
    m.put("layers", layers == 0 ? "all" : layers);
    m.put("budget", budget);
    m.put("optimizer", optimizer);
    m.put("optimizer_parameters", parameters);
    m.put("val_crops", valCrops);
    m.put("val_crop_size", valCropSize);
    m.put("checkpoint_every", checkpointEvery);
    return m;
  }

  /** A layer count as users write it: {@code all} (0) or a whole number. */
  public static int layersOf(String text) {
    int l = layersValue(text);
    if (l < 0) {
      throw new InvalidInputException("A layer count must be 'all' or >= 0, got " + text);
    }
    return l;
  }

  /** {@code all} or a whole number of layers. */
  static int layersValue(Object v) {
    if ("all".equalsIgnoreCase(String.valueOf(v).trim())) {
      return 0;
    }
    return (int) whole("layers", v);
  }

  private static long whole(String key, Object v) {
    Long w = io.qprune.api.ConfigNumbers.exactLong(v, true);
    if (w == null) {
      throw new InvalidInputException("refine." + key + " must be a whole number, got '" + v + "'");
    }
    return w;
  }

  private static boolean bool(String key, Object v) {
    String s = String.valueOf(v).trim().toLowerCase(java.util.Locale.ROOT);
    if (!s.equals("true") && !s.equals("false")) {
      throw new InvalidInputException("refine." + key + " must be true or false, got '" + v + "'");
    }
    return Boolean.parseBoolean(s);
  }

  private static Map<String, Object> map(Object v) {
    if (v instanceof String text) { // from the command line: a YAML flow mapping, e.g. {k: 50}
      try {
        v = new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readValue(text, Object.class);
      } catch (com.fasterxml.jackson.core.JacksonException e) {
        throw new InvalidInputException("refine.optimizer_parameters: '" + text + "' is not a mapping"
            + " such as {k: 50, k_top: 5}: " + e.getOriginalMessage(), e);
      }
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw new InvalidInputException("refine.optimizer_parameters must be a mapping of name: value, got " + v);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, x) -> out.put(String.valueOf(k), x));
    return out;
  }
}
