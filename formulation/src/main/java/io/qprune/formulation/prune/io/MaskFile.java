package io.qprune.formulation.prune.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.Mask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mask file {@code qprune prune} writes ({@code mask.json}: method, target sparsity, counts,
 * unit ids and one 0/1 keep flag per unit), or a plain 0/1 text mask; {@code method} and
 * {@code unitIds} are empty for a text mask (the method is then {@code "mask"}).
 */
public record MaskFile(String method, double targetSparsity, List<String> unitIds, Mask mask) {
  public MaskFile {
    unitIds = List.copyOf(unitIds);
    if (!unitIds.isEmpty() && unitIds.size() != mask.size()) {
      throw new InvalidInputException("A mask of " + mask.size() + " units needs as many unit ids, got "
          + unitIds.size());
    }
  }

  /** The file's JSON object, in the order and form {@code qprune prune} has always written it. */
  public ObjectNode toJson() {
    ObjectNode root = PruneFiles.mapper().createObjectNode();
    root.put("method", method);
    root.put("target_sparsity", targetSparsity);
    root.put("sparsity", mask.sparsity());
    root.put("kept_units", mask.kept());
    root.put("units", mask.size());
    ArrayNode ids = root.putArray("unit_ids");
    unitIds.forEach(ids::add);
    ArrayNode kept = root.putArray("kept");
    for (int b : mask.toBits()) {
      kept.add(b);
    }
    return root;
  }

  /** Writes the file atomically (pretty-printed JSON). */
  public void write(Path file) {
    PruneFiles.write(file, toJson());
  }

  /** The mask alone, from a {@code mask.json} or a 0/1 text file. */
  public static Mask readMask(Path file) {
    return read(file).mask();
  }

  /** Reads a {@code mask.json} (a JSON object) or a 0/1 text mask ({@link Mask#parse}). */
  public static MaskFile read(Path file) {
    try {
      String text = Files.readString(file);
      if (!text.strip().startsWith("{")) {
        return new MaskFile("mask", Double.NaN, List.of(), Mask.parse(text));
      }
      JsonNode root = PruneFiles.mapper().readTree(text);
      JsonNode kept = root.get("kept");
      if (kept == null || !kept.isArray()) {
        throw new InvalidInputException("a JSON mask needs a 'kept' array of 0/1 per unit");
      }
      int[] bits = new int[kept.size()];
      for (int i = 0; i < bits.length; i++) {
        bits[i] = kept.get(i).canConvertToInt() ? kept.get(i).asInt() : -1;
      }
      List<String> ids = new ArrayList<>();
      root.path("unit_ids").forEach(id -> ids.add(id.asText()));
      String method = root.hasNonNull("method") ? root.get("method").asText() : "mask";
      double target = root.path("target_sparsity").isNumber() ? root.get("target_sparsity").asDouble() : Double.NaN;
      return new MaskFile(method, target, ids, Mask.ofBits(bits));
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("Mask file " + file + " does not exist", e);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file + ": " + e.getMessage(), e);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InvalidInputException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read mask file " + file + ": " + e.getMessage(), e);
    }
  }
}
