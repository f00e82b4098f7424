package io.qprune.formulation.data;

import io.qprune.api.io.AtomicFiles;

import io.qprune.api.InvalidInputException;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Reads PNG/JPEG files into {@link Image}s (from the raster, so grey stays exact) and writes PNGs. */
public final class ImageFiles {
  private ImageFiles() {}

  /** Reads an image file and converts it to {@code mode}. */
  public static Image read(Path file, ColorMode mode) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString()).convert(mode);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read image " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads an image from a stream; {@code name} is used in error messages. */
  public static Image read(InputStream in, String name) throws IOException {
    BufferedImage img = ImageIO.read(in);
    if (img == null) {
      throw new InvalidInputException("Not a PNG/JPEG image (or unsupported): " + name);
    }
    return fromBuffered(img);
  }

  /** Lists the PNG/JPEG files directly inside {@code dir}, sorted by name. */
  public static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("Image folder " + dir + " does not exist or is not a folder");
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = new ArrayList<>();
      s.filter(ImageFiles::isImageName).sorted().forEach(files::add);
      if (files.isEmpty()) {
        throw new InvalidInputException(
            "No .png/.jpg/.jpeg files in " + dir + ". Maybe point --images at the photos' folder.");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isImageName(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
  }

  /** Writes an image as an 8-bit PNG (values rounded and clipped to 0–255), atomically. */
  public static void writePng(Image image, Path file) {
    int h = image.height();
    int w = image.width();
    int type = image.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
    BufferedImage out = new BufferedImage(w, h, type);
    var raster = out.getRaster();
    for (int c = 0; c < image.channels(); c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          raster.setSample(x, y, c, Math.max(0, Math.min(255, Math.round(image.get(c, y, x)))));
        }
      }
    }
    AtomicFiles.write(file, stream -> {
      if (!ImageIO.write(out, "png", stream)) {
        throw new java.io.IOException("no PNG writer for this image type");
      }
    });
  }

  private static Image fromBuffered(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    Raster r = img.getRaster();
    int bands = r.getNumBands();
    boolean indexed = img.getColorModel() instanceof IndexColorModel;
    if (!indexed && bands <= 2) {
      // grey (+ alpha): read band 0 directly; getRGB would apply a gamma conversion
      float scale = 255f / ((1 << r.getSampleModel().getSampleSize(0)) - 1);
      float[] px = new float[h * w];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          px[y * w + x] = r.getSample(x, y, 0) * scale;
        }
      }
      return Image.wrap(1, h, w, px);
    }
    float[] px = new float[3 * h * w];
    if (!indexed && bands >= 3) {
      float scale = 255f / ((1 << r.getSampleModel().getSampleSize(0)) - 1);
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            px[(c * h + y) * w + x] = r.getSample(x, y, c) * scale;
          }
        }
      }
    } else {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int rgb = img.getRGB(x, y);
          px[y * w + x] = (rgb >> 16) & 0xff;
          px[(h + y) * w + x] = (rgb >> 8) & 0xff;
          px[(2 * h + y) * w + x] = rgb & 0xff;
        }
      }
    }
    return Image.wrap(3, h, w, px);
  }
}
