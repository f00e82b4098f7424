package io.qprune.formulation.data;

import io.qprune.api.QpruneException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The photographs shipped inside this module, with their fixed by-photo train/val/test split. */
public final class ShippedPhotos {
  private static final String ROOT = "/io/qprune/formulation/photos/";

  /** One row of the shipped manifest. */
  public record Entry(String file, Split split, String licence) {}

  private ShippedPhotos() {}

  /** Every manifest row, in manifest order. */
  public static List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    try (InputStream in = open("MANIFEST.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split("\t");
        out.add(new Entry(f[0], Split.parse(f[1]), f[6]));
      }
    } catch (IOException e) {
      throw new QpruneException("Cannot read the shipped photo manifest: " + e.getMessage(), e);
    }
    return out;
  }

  /** The photos of one split, converted to {@code mode}, in manifest order. */
  public static List<Photo> load(Split split, ColorMode mode) {
    List<Photo> out = new ArrayList<>();
    for (Entry e : entries()) {
      if (e.split() == split) {
        try (InputStream in = open(e.file())) {
          out.add(new Photo(e.file(), ImageFiles.read(in, e.file()).convert(mode)));
        } catch (IOException ex) {
          throw new QpruneException("Cannot read shipped photo " + e.file(), ex);
        }
      }
    }
    return out;
  }

  private static InputStream open(String name) {
    InputStream in = ShippedPhotos.class.getResourceAsStream(ROOT + name);
    if (in == null) {
      throw new QpruneException("Shipped resource " + ROOT + name + " is missing from the jar");
    }
    return in;
  }
}
