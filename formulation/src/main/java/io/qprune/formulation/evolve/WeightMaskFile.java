package io.qprune.formulation.evolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.io.AtomicFiles;
import io.qprune.formulation.model.WeightLayer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A weight mask on disk: gzipped JSON {@code {"format": "qprune-weight-mask", "version": 1,
 * "kept": K, "size": N, "layers": [{"name", "size", "kept", "bits"}]}}, where {@code bits} is the
 * layer's bits in base64 (little-endian bit order, as {@link BitSet#toByteArray}).
 */
public final class WeightMaskFile {
  public static final String FORMAT = "qprune-weight-mask";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WeightMaskFile() {}

  public static void write(WeightMask mask, Path file) {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", FORMAT).put("version", 1).put("kept", mask.kept()).put("size", mask.size());
    ArrayNode layers = o.putArray("layers");
    BitSet bits = mask.bits();
    int[] kept = mask.keptPerLayer();
    for (WeightLayer l : mask.layers()) {
      layers.addObject().put("name", l.name()).put("size", l.size()).put("kept", kept[l.index()])
          .put("bits", Base64.getEncoder().encodeToString(bits.get(l.offset(), l.offset() + l.size()).toByteArray()));
    }
    AtomicFiles.write(file, out -> {
      GZIPOutputStream gz = new GZIPOutputStream(out);
      gz.write(JSON.writeValueAsBytes(o));
      gz.finish();
    });
  }

  /** Whether {@code file} is a weight-mask file (gzipped or plain JSON with this format). */
  public static boolean isWeightMask(Path file) {
    try {
      return FORMAT.equals(readTree(file).path("format").asText());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Reads a mask and checks it against the network's {@code layers} (names and sizes). */
  public static WeightMask read(Path file, List<WeightLayer> layers) {
    JsonNode o = readTree(file);
    if (!FORMAT.equals(o.path("format").asText())) {
      throw new InvalidInputException(file + " is not a weight-mask file (format '" + o.path("format").asText()
          + "', expected '" + FORMAT + "')");
    }
    JsonNode given = o.path("layers");
    if (given.size() != layers.size()) {
      throw new InvalidInputException(file + " masks " + given.size() + " layers; the model has " + layers.size());
    }
    BitSet kept = new BitSet();
    for (WeightLayer l : layers) {
      JsonNode g = given.get(l.index());
      if (!g.path("name").asText().equals(l.name()) || g.path("size").asInt() != l.size()) {
        throw new InvalidInputException(file + ": layer " + l.index() + " is '" + g.path("name").asText() + "' of "
            + g.path("size").asInt() + " weights; the model's is '" + l.name() + "' of " + l.size());
      }
      BitSet b = BitSet.valueOf(Base64.getDecoder().decode(g.path("bits").asText()));
      if (b.length() > l.size()) {
        throw new InvalidInputException(file + ": layer " + l.name() + " sets bit " + (b.length() - 1)
            + " of " + l.size());
      }
      b.stream().forEach(i -> kept.set(l.offset() + i));
    }
    return new WeightMask(layers, kept);
  }

  private static JsonNode readTree(Path file) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw) : raw;
      return JSON.readTree(in);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("Mask file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read mask " + file + ": " + e.getMessage(), e);
    }
  }

}
