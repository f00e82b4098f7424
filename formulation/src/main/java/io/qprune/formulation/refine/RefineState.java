package io.qprune.formulation.refine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.io.AtomicFiles;
import io.qprune.formulation.model.Mask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * The checkpoint file of a refinement run: what the run is (settings, seed, start mask, layers)
 * and the optimiser's own state, written atomically so a kill never leaves half a file.
 */
final class RefineState {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ObjectNode identity;

  /** {@code budget}: the cost budget the run keeps, or null (the unit count; no key, as before). */
  RefineState(RefineSettings settings, long seed, Mask start, List<String> layers,
      io.qprune.formulation.cost.Budget budget) {
    identity = JSON.createObjectNode();
    identity.put("version", 1);
    identity.put("optimizer", settings.optimizer());
    identity.set("optimizer_parameters", JSON.valueToTree(settings.parameters()));
    identity.put("budget", settings.budget());
    identity.put("val_crops", settings.valCrops());
    identity.put("val_crop_size", settings.valCropSize());
    identity.put("seed", seed);
    identity.put("start", start.toString());
    identity.set("layers", JSON.valueToTree(layers));
    if (budget != null) {
      ObjectNode b = identity.putObject("cost_budget");
      b.put("kind", budget.kind().toString());
      b.put("fraction", budget.fraction());
      b.put("tolerance", budget.tolerance());
    }
  }

  void write(Path file, byte[] state) {
    ObjectNode root = identity.deepCopy();
    root.put("state", Base64.getEncoder().encodeToString(state));
    AtomicFiles.writeString(file, root.toPrettyString());
  }

  /** The optimiser state saved in {@code file} (null when there is none yet), checked to be this run's. */
  byte[] readMatching(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    JsonNode root;
    JsonNode id;
    try {
      id = JSON.readTree(identity.toString()); // parsed as the file is, so 60 equals 60L
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read the refinement checkpoint " + file + ": " + e.getMessage(), e);
    }
    var names = identity.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!id.get(k).equals(root.get(k))) {
        throw new InvalidInputException("The checkpoint " + file + " belongs to a different run: its '" + k
            + "' is " + abbreviate(root.get(k)) + " but this run's is " + abbreviate(identity.get(k))
            + ". Resume with the same settings, or start afresh without --resume.");
      }
    }
    JsonNode s = root.get("state");
    if (s == null || !s.isTextual()) {
      throw new InvalidInputException("The checkpoint " + file + " has no optimiser state");
    }
    return Base64.getDecoder().decode(s.asText());
  }

  private static String abbreviate(JsonNode n) {
    String s = String.valueOf(n);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
