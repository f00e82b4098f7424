package io.qprune.formulation.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** What the model file formats share: a magic string, a version, a JSON header, then DJL parameters. */
final class ModelStreams {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelStreams() {}

  /** Reads a model from an open stream; {@code name} goes into error messages. */
  interface Reader<T> {
    T read(InputStream in, String name) throws IOException;
  }

  /** Reads {@code file} with {@code reader}, naming the file in every error. */
  static <T> T load(Path file, Reader<T> reader) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return reader.read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("Model file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read model " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a model shipped on the class path at {@code resource}; {@code what} names it in errors. */
  static <T> T loadResource(String resource, String what, Reader<T> reader) {
    InputStream in = ModelStreams.class.getResourceAsStream(resource);
    if (in == null) {
      throw new QpruneException("The " + what + " " + resource + " is missing from the jar");
    }
    try (InputStream b = new BufferedInputStream(in)) {
      return reader.read(b, what);
    } catch (IOException e) {
      throw new QpruneException("Cannot read the " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks the magic string and version at the start of {@code dis} and returns the JSON header;
   * {@code kind} ("model", "classifier") goes into the error messages.
   */
  static Map<String, Object> header(DataInputStream dis, String magic, int version, String name, String kind)
      throws IOException {
    String found;
    try {
      found = dis.readUTF();
    } catch (IOException e) {
      found = "";
    }
    if (!magic.equals(found)) {
      throw new InvalidInputException(name + " is not a qprune " + kind + " file (no '" + magic + "' header)");
    }
    int v = dis.readInt();
    if (v != version) {
      throw new InvalidInputException(name + " has " + kind + " format " + v + "; expected " + version);
    }
    return JSON.readValue(dis.readUTF(), new TypeReference<Map<String, Object>>() {});
  }
}
