package io.qprune.formulation.importance.io;

import io.qprune.api.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads NumPy {@code .npy} files (format 1.0–3.0) and {@code .npz} archives (a zip of .npy
 * files, stored or deflated): little-endian float32/float64, signed and unsigned integers,
 * booleans and unicode strings, C order. Anything else is an error that names the file.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** Reads one {@code .npy} file. */
  public static NpyArray read(Path file) {
    try {
      return parse(Files.readAllBytes(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("NumPy file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads every array of an {@code .npz} archive, keyed by name without {@code .npy}. */
  public static Map<String, NpyArray> readNpz(Path file) {
    Map<String, NpyArray> out = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (e.isDirectory()) {
          continue;
        }
        String name = e.getName();
        if (!name.endsWith(".npy")) {
          throw new InvalidInputException(file + ": entry '" + name + "' is not a .npy array");
        }
        String key = name.substring(0, name.length() - 4);
        out.put(key, parse(readAll(zip), file + "[" + key + "]"));
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("NumPy file " + file + " does not exist", e);
    } catch (java.util.zip.ZipException e) {
      throw new InvalidInputException(file + " is not a valid .npz (zip) archive: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(file + " holds no arrays (is it an .npz archive?)");
    }
    return out;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    in.transferTo(b);
    return b.toByteArray();
  }

  /** Parses the bytes of one .npy file; {@code name} is used in errors. */
  static NpyArray parse(byte[] bytes, String name) {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes.length <= i || bytes[i] != MAGIC[i]) {
        throw new InvalidInputException(name + " is not a NumPy .npy file (no \\x93NUMPY magic)");
      }
    }
    if (bytes.length < 10) {
      throw new InvalidInputException(name + " is truncated (no header)");
    }
    int major = bytes[6];
    int headerLen;
    int start;
    if (major == 1) {
      headerLen = buf.getShort(8) & 0xFFFF;
      start = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw new InvalidInputException(name + " is truncated (no header)");
      }
      headerLen = buf.getInt(8);
      start = 12;
    } else {
      throw new InvalidInputException(name + " has .npy format version " + major + "; 1 to 3 are supported");
    }
    if (headerLen < 0 || start + headerLen > bytes.length) {
      throw new InvalidInputException(name + " is truncated (header of " + headerLen + " bytes)");
    }
    String header = new String(bytes, start, headerLen,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, name, "descr");
    if ("True".equals(group(FORTRAN, header, name, "fortran_order"))) {
      throw new InvalidInputException(name + " is in Fortran order; save it C-ordered"
          + " (np.ascontiguousarray) and try again");
    }
    long[] shape = shape(group(SHAPE, header, name, "shape"), name);
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    if (count > Integer.MAX_VALUE / 8) {
      throw new InvalidInputException(name + " is too large (" + count + " values)");
    }
    buf.position(start + headerLen);
    return values(buf, descr, shape, (int) count, name);
  }

  private static NpyArray values(ByteBuffer buf, String descr, long[] shape, int n, String name) {
    if (descr.length() < 3) {
      throw new InvalidInputException(name + " has an unknown dtype '" + descr + "'");
    }
    char order = descr.charAt(0);
    char kind = descr.charAt(1);
    int size;
    try {
      size = Integer.parseInt(descr.substring(2));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " has an unsupported dtype '" + descr + "'", e);
    }
    if (order == '>' && size > 1) {
      throw new InvalidInputException(name + " is big-endian (" + descr + "); save it little-endian"
          + " (arr.astype('<f4')) and try again");
    }
    if (order != '<' && order != '|' && order != '=') {
      throw new InvalidInputException(name + " has an unsupported dtype '" + descr + "'");
    }
    int width = kind == 'U' ? 4 * size : size;
    if ((long) n * width > buf.remaining()) {
      throw new InvalidInputException(name + " is truncated: " + n + " values of " + descr
          + " need " + (long) n * width + " bytes, " + buf.remaining() + " are there");
    }
    if (kind == 'U') {
      List<String> s = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < size; c++) {
          int cp = buf.getInt();
          if (cp != 0) {
            sb.appendCodePoint(cp);
          }
        }
        s.add(sb.toString());
      }
      return new NpyArray(name, descr, shape, null, s);
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = number(buf, kind, size, descr, name);
    }
    return new NpyArray(name, descr, shape, v, null);
  }

  private static double number(ByteBuffer buf, char kind, int size, String descr, String name) {
    switch (kind) {
      case 'f':
        if (size == 4) {
          return buf.getFloat();
        }
        if (size == 8) {
          return buf.getDouble();
        }
        break;
      case 'i':
        switch (size) {
          case 1: return buf.get();
          case 2: return buf.getShort();
          case 4: return buf.getInt();
          case 8: return buf.getLong();
          default: break;
        }
        break;
      case 'u':
        switch (size) {
          case 1: return buf.get() & 0xFF;
          case 2: return buf.getShort() & 0xFFFF;
          case 4: return buf.getInt() & 0xFFFFFFFFL;
          default: break;
        }
        break;
      case 'b':
        if (size == 1) {
          return buf.get() != 0 ? 1 : 0;
        }
        break;
      default:
        break;
    }
    throw new InvalidInputException(name + " has dtype '" + descr + "'; supported: float32/64,"
        + " int8-64, uint8-32, bool and unicode strings. Maybe arr.astype('<f8').");
  }

  private static String group(Pattern p, String header, String name, String key) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new InvalidInputException(name + " has a header without '" + key + "': " + header.strip());
    }
    return m.group(1);
  }

  private static long[] shape(String text, String name) {
    List<Long> dims = new ArrayList<>();
    for (String part : text.split(",")) {
      String t = part.trim();
      if (t.isEmpty()) {
        continue;
      }
      try {
        long d = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
        if (d < 0) {
          throw new NumberFormatException();
        }
        dims.add(d);
      } catch (NumberFormatException e) {
        throw new InvalidInputException(name + " has a bad shape '(" + text + ")'", e);
      }
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }
}
