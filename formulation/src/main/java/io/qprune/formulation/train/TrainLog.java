package io.qprune.formulation.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.QpruneException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes the JSON training log: the config, the noise, and one entry per checkpoint. */
final class TrainLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrainLog() {}

  static void write(Path file, TrainConfig cfg, List<LogEntry> log, double valNoisyPsnr,
      String noise) {
    ObjectNode root = JSON.createObjectNode();
    root.set("config", JSON.valueToTree(cfg));
    root.put("noise", noise);
    root.put("valNoisyPsnr", valNoisyPsnr);
    ArrayNode entries = root.putArray("entries");
    for (LogEntry e : log) {
      ObjectNode n = JSON.valueToTree(e);
      if (Double.isNaN(e.valPsnr())) {
        n.putNull("valPsnr");
      }
      entries.add(n);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".tmp-", ".json");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new QpruneException("Cannot write training log " + file + ": " + e.getMessage(), e);
    }
  }
}
