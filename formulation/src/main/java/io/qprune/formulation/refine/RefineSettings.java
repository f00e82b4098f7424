package io.qprune.formulation.refine;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.qprune.api.InvalidInputException;
import io.qprune.api.config.ConfigValues;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TT-refinement stage's settings, the {@code refine:} block of a pruning config: whether it
 * runs, how many layers form the sub-problem (0 = all), the evaluation budget, the black-box
 * optimiser and its parameters, the validation crops of the objective and how often to checkpoint.
 * Bound by {@link io.qprune.api.config.ConfigFile} with the keys of {@link #asMap()}.
 */
public record RefineSettings(boolean enabled,
    @JsonDeserialize(using = RefineSettings.LayersIn.class) @JsonSerialize(using = RefineSettings.LayersOut.class)
    int layers, long budget, String optimizer, @JsonProperty("optimizer_parameters") Map<String, Object> parameters,
    int valCrops, int valCropSize, int checkpointEvery) {

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
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
  }

  /**
   * The defaults overridden by a {@code refine:} mapping given from Java or the command line (text
   * values are read as the key's type); an unknown key is an error.
   */
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
    Map<String, Object> m = new LinkedHashMap<>();
    map.forEach((k, v) -> m.put(String.valueOf(k), v));
    return ConfigValues.withAll(defaults(), RefineSettings.class, m, defaults(), "refine");
  }

  /** A copy with one key set by its config name (text values are read as the key's type). */
  public RefineSettings with(String key, Object v) {
    return ConfigValues.with(this, RefineSettings.class, key, v, defaults(), "refine");
  }

  /** The settings as a config mapping (for reports): {@code layers} is {@code all} for every layer. */
  public Map<String, Object> asMap() {
    return ConfigValues.toMap(this);
  }

  /** A layer count as users write it: {@code all} (0) or a whole number. */
  public static int layersOf(String text) {
    if ("all".equalsIgnoreCase(text.trim())) {
      return 0;
    }
    try {
      int l = Integer.parseInt(text.trim());
      if (l >= 0) {
        return l;
      }
    } catch (NumberFormatException e) {
      // worded below
    }
    throw new InvalidInputException("A layer count must be 'all' or >= 0, got " + text);
  }

  /** Reads {@code all} as 0 layers, else a whole number. */
  static final class LayersIn extends StdDeserializer<Integer> {
    private static final long serialVersionUID = 1L;

    LayersIn() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext c) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING) && p.getText().strip().equalsIgnoreCase("all")) {
        return 0;
      }
      try {
        return _parseIntPrimitive(p, c);
      } catch (MismatchedInputException e) {
        throw JsonMappingException.from(p, "must be 'all' or a whole number", e);
      }
    }
  }

  /** Writes 0 layers as {@code all}. */
  static final class LayersOut extends StdSerializer<Integer> {
    private static final long serialVersionUID = 1L;

    LayersOut() {
      super(Integer.class);
    }

    @Override
    public void serialize(Integer layers, JsonGenerator g, SerializerProvider p) throws IOException {
      if (layers == 0) {
        g.writeString("all");
      } else {
        g.writeNumber(layers);
      }
    }
  }
}
