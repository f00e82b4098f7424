package io.qprune.formulation.train;

import io.qprune.api.io.AtomicFiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The resumable state of a training run: weights, Adam moments, steps done, log so far. */
final class Checkpoint {
  private static final String MAGIC = "qprune-checkpoint";
  private static final int VERSION = 1;
  // log entries hold NaN where a step was not validated
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /** What a checkpoint held when read back. */
  record State(Denoiser model, AdamState adam, int step, double seconds, List<LogEntry> log) {}

  private Checkpoint() {}

  static void save(Path file, String configJson, Denoiser model, AdamState adam, int step,
      double seconds, List<LogEntry> log) {
    AtomicFiles.write(file, os -> {
      DataOutputStream out = new DataOutputStream(os);
      out.writeUTF(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(configJson);
      out.writeInt(step);
      out.writeDouble(seconds);
      byte[] logJson = JSON.writeValueAsBytes(log);
      out.writeInt(logJson.length);
      out.write(logJson);
      ByteArrayOutputStream weights = new ByteArrayOutputStream();
      ModelFile.write(model, weights);
      out.writeInt(weights.size());
      weights.writeTo(out);
      adam.save(out);
      out.flush();
    });
  }

  static State load(Path file, String configJson) {
    try (InputStream is = new BufferedInputStream(Files.newInputStream(file));
        DataInputStream in = new DataInputStream(is)) {
      if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
        throw new InvalidInputException(file + " is not a qprune checkpoint of format " + VERSION);
      }
      if (!in.readUTF().equals(configJson)) {
        throw new InvalidInputException("Checkpoint " + file + " was written by a different "
            + "config. Maybe use another --output folder, or delete the checkpoint to restart.");
      }
      int step = in.readInt();
      double seconds = in.readDouble();
      byte[] logJson = new byte[in.readInt()];
      in.readFully(logJson);
      List<LogEntry> log = JSON.readValue(logJson, new TypeReference<List<LogEntry>>() {});
      byte[] weights = new byte[in.readInt()];
      in.readFully(weights);
      Denoiser model = ModelFile.read(new ByteArrayInputStream(weights), file.toString());
      AdamState adam = new AdamState(model.network(), model.manager());
      adam.load(in, model.manager());
      return new State(model, adam, step, seconds, log);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read checkpoint " + file + ": " + e.getMessage()
          + ". Maybe delete it to restart training.", e);
    }
  }
}
