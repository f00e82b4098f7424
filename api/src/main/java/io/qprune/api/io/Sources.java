package io.qprune.api.io;

import io.qprune.api.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Turns files and streams into checked text: gzip by magic bytes, binary and empty input rejected. */
final class Sources {
  private static final byte[] DIMODBQM = "DIMODBQM".getBytes(StandardCharsets.US_ASCII);

  private Sources() {}

  /** A file's name as used in error messages. */
  static String name(Path file) {
    Path n = file.getFileName();
    return n == null ? file.toString() : n.toString();
  }

  /** The whole file as text (gunzipped when it starts with the gzip magic bytes). */
  static String text(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return text(in, name(file));
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("File not found: " + file + ". Check the path.", e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The whole stream as text (gunzipped when it starts with the gzip magic bytes). */
  static String text(InputStream raw, String source) {
    try {
      return decode(readAll(raw, source), source);
    } catch (IOException e) {
      throw new FormatException(source, 0, "cannot read the input: " + e.getMessage(), e);
    }
  }

  /** At most {@code limit} decompressed bytes from the start of the file, for sniffing. */
  static byte[] head(Path file, int limit) {
    try (InputStream in = maybeGunzip(new BufferedInputStream(Files.newInputStream(file)))) {
      return in.readNBytes(limit);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("File not found: " + file + ". Check the path.", e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The whole reader as text, rejecting empty and binary content. */
  static String text(Reader reader, String source) {
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      for (int k; (k = reader.read(buf)) > 0; ) {
        sb.append(buf, 0, k);
      }
      String s = sb.toString();
      int nul = s.indexOf('\0');
      if (nul >= 0) {
        throw binary(source, "a NUL character at offset " + nul);
      }
      return checkNotEmpty(stripBom(s), source);
    } catch (IOException e) {
      throw new FormatException(source, 0, "cannot read the input: " + e.getMessage(), e);
    }
  }

  private static byte[] readAll(InputStream raw, String source) throws IOException {
    InputStream in = new BufferedInputStream(raw);
    try {
      return maybeGunzip(in).readAllBytes();
    } catch (ZipException | java.io.EOFException e) {
      throw new FormatException(source, 0, "starts like a gzip file but cannot be decompressed ("
          + e.getMessage() + "); the file may be truncated or corrupt", e);
    }
  }

  private static InputStream maybeGunzip(InputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 65536) : in;
  }

  /** Rejects content that is clearly not text: dimod's binary BQM format or NUL bytes. */
  static void checkNotBinary(byte[] bytes, String source) {
    if (startsWith(bytes, DIMODBQM)) {
      throw new FormatException(source, 0, "this is dimod's binary BQM file (bqm.to_file()), not "
          + "text; export it as JSON with json.dumps(bqm.to_serializable()) instead");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw binary(source, "a NUL byte at offset " + i);
      }
    }
  }

  private static String decode(byte[] bytes, String source) {
    checkNotBinary(bytes, source);
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return checkNotEmpty(stripBom(s), source);
    } catch (CharacterCodingException e) {
      throw binary(source, "bytes that are not UTF-8 text");
    }
  }

  private static FormatException binary(String source, String what) {
    return new FormatException(source, 0, "looks like a binary file, not text (it contains "
        + what + "); give a text file in one of the formats bqm-json, orlib, gset, qbsolv "
        + "(gzip-compressed is fine)");
  }

  private static String checkNotEmpty(String s, String source) {
    if (s.isBlank()) {
      throw new FormatException(source, 0, "the file is empty" + (s.isEmpty() ? "" : " (only blank lines)")
          + "; check that it was written completely");
    }
    return s;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
