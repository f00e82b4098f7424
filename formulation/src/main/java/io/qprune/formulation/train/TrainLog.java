package io.qprune.formulation.train;

import io.qprune.api.io.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
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
    AtomicFiles.write(file, out -> JSON.writerWithDefaultPrettyPrinter()
        .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, root));
  }
}
