package io.qprune.api.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A YAML or JSON config file (JSON when the name ends in {@code .json}), read once and bound to
 * records with {@link #bind}: unknown keys, wrong types ({@code "2"} for a number, {@code 2.5} for a
 * whole number) and duplicate keys are errors that name the file, the key's dotted path and its line,
 * e.g. {@code configs/x.yaml:7: 'threads' must be a whole number, got "2" (write it without quotes)}.
 * Whole numbers stay exact up to 64 bits.
 */
public final class ConfigFile {
  private final String name;
  private final JsonNode tree;
  private final Map<String, Integer> lines;

  private ConfigFile(String name, JsonNode tree, Map<String, Integer> lines) {
    this.name = name;
    this.tree = tree;
    this.lines = lines;
  }

  /** Reads and parses {@code file}; a missing file or bad syntax is an {@link InvalidInputException}. */
  public static ConfigFile read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("Config file " + file + " does not exist. Check the path.", e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read config file " + file + ": " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  /** Parses {@code text}; {@code name} (a file name: its extension picks JSON or YAML) goes into messages. */
  public static ConfigFile parse(String name, String text) {
    boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
    JsonFactory f = json ? ConfigMappers.JSON_FACTORY : ConfigMappers.YAML_FACTORY;
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = f.createParser(text)) {
      JsonNode tree = p.nextToken() == null ? MissingNode.getInstance() : LocatedTree.read(p, name, lines);
      return new ConfigFile(name, tree, lines);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      throw new InvalidInputException(name + (at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr())
          + ": not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read config " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The same file without the top-level {@code keys} (lines kept), e.g. to bind the rest to another
   * type; {@link #only} gives the other part.
   */
  public ConfigFile without(java.util.Collection<String> keys) {
    if (!tree.isObject()) {
      return this;
    }
    com.fasterxml.jackson.databind.node.ObjectNode copy = tree.deepCopy();
    copy.remove(keys);
    return new ConfigFile(name, copy, lines);
  }

  /** The same file with only the top-level {@code keys} it has (lines kept); see {@link #without}. */
  public ConfigFile only(java.util.Collection<String> keys) {
    if (!tree.isObject()) {
      return this;
    }
    com.fasterxml.jackson.databind.node.ObjectNode copy = tree.deepCopy();
    copy.retain(keys);
    return new ConfigFile(name, copy, lines);
  }

  /** The file as given, for messages. */
  public String name() {
    return name;
  }

  /** Whether the file holds nothing (no document, or only {@code null}). */
  public boolean isEmpty() {
    return tree.isMissingNode() || tree.isNull();
  }

  /** The parsed document (a missing node when empty). */
  public JsonNode tree() {
    return tree;
  }

  /**
   * The file bound to {@code type}: its keys over {@code defaults} (null: no defaults, every key
   * the file lacks is null); an empty file is the defaults.
   */
  public <T> T bind(Class<T> type, T defaults) {
    if (isEmpty() && defaults != null) {
      return defaults;
    }
    if (isEmpty()) {
      throw new InvalidInputException(name + ": the file is empty");
    }
    JsonNode merged = defaults == null ? tree
        : ConfigValues.merge(ConfigValues.tree(defaults), tree, ConfigMappers.FILE.constructType(type));
    return ConfigValues.bind(ConfigMappers.FILE, merged, type, this::prefix, "");
  }

  /** The line of the value at a dotted path, or of its nearest ancestor below the root; 0 for none. */
  public int line(String path) {
    String p = path;
    while (!p.isEmpty()) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      p = p.substring(0, Math.max(0, ConfigErrors.lastSeparator(p)));
    }
    return 0;
  }

  /** An error about the value at a dotted path: {@code name:line: message} ({@code name: message} without a line). */
  public InvalidInputException error(String path, String message) {
    return new InvalidInputException(prefix(path) + message);
  }

  private String prefix(String path) {
    int l = line(path);
    return l > 0 ? name + ":" + l + ": " : name + ": ";
  }
}
