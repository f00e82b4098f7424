package io.qprune.formulation.train;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.qprune.api.InvalidInputException;
import io.qprune.api.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resumable state of a training run, whatever the network: the config it belongs to, steps
 * done, seconds spent, the log so far (JSON), the weights (the network's own file format) and the
 * Adam moments, written atomically so a kill never leaves half a file.
 */
final class Checkpoint {
  private static final String MAGIC = "qprune-checkpoint";
  private static final int VERSION = 2;
  // log entries hold NaN where a step was not validated
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /** Writes a network's weights in its own file format. */
  interface Weights {
    void write(OutputStream out) throws IOException;
  }

  /** Reads a network's weights from its own file format. */
  interface Reader<M> {
    M read(InputStream in, String name) throws IOException;
  }

  /** What a checkpoint held, with the weights and log still to be decoded by the caller. */
  record Content(int step, double seconds, byte[] log, byte[] weights, byte[] adam) {
    /** The network, read by {@code reader}; {@code name} goes into error messages. */
    <M> M model(Reader<M> reader, String name) throws IOException {
      return reader.read(new ByteArrayInputStream(weights), name);
    }

    /** The log decoded as {@code type}. */
    <T> T log(TypeReference<T> type) throws IOException {
      return JSON.readValue(log, type);
    }

    /** Restores {@code adam}'s moments. */
    void restore(AdamState adam, ai.djl.ndarray.NDManager manager) throws IOException {
      adam.load(new DataInputStream(new ByteArrayInputStream(this.adam)), manager);
    }
  }

  private Checkpoint() {}

  static void save(Path file, String configJson, int step, double seconds, Object log, Weights weights,
      AdamState adam) {
    AtomicFiles.write(file, os -> {
      DataOutputStream out = new DataOutputStream(os);
      out.writeUTF(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(configJson);
      out.writeInt(step);
      out.writeDouble(seconds);
      writeBlock(out, JSON.writeValueAsBytes(log));
      ByteArrayOutputStream w = new ByteArrayOutputStream();
      weights.write(w);
      writeBlock(out, w.toByteArray());
      ByteArrayOutputStream a = new ByteArrayOutputStream();
      adam.save(new DataOutputStream(a));
      writeBlock(out, a.toByteArray());
      out.flush();
    });
  }

  /** Reads a checkpoint written for {@code configJson}; another config's checkpoint is an error. */
  static Content load(Path file, String configJson) {
    try (InputStream is = new BufferedInputStream(Files.newInputStream(file));
        DataInputStream in = new DataInputStream(is)) {
      if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
        throw new InvalidInputException(file + " is not a qprune checkpoint of format " + VERSION
            + ". Maybe delete it to restart training.");
      }
      if (!in.readUTF().equals(configJson)) {
        throw new InvalidInputException("Checkpoint " + file + " was written by a different "
            + "config. Maybe use another --output folder, or delete the checkpoint to restart.");
      }
      int step = in.readInt();
      double seconds = in.readDouble();
      return new Content(step, seconds, readBlock(in), readBlock(in), readBlock(in));
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read checkpoint " + file + ": " + e.getMessage()
          + ". Maybe delete it to restart training.", e);
    }
  }

  /** Decoding a checkpoint's parts failed: the same advice as a bad file. */
  static InvalidInputException unreadable(Path file, IOException e) {
    return new InvalidInputException("Cannot read checkpoint " + file + ": " + e.getMessage()
        + ". Maybe delete it to restart training.", e);
  }

  private static void writeBlock(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBlock(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }
}
