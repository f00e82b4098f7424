package io.qprune.solvers.remote.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.Vartype;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a DIMODBQM v2 file the way dimod's loader does (the stub's side of the upload), strictly:
 * any deviation from the layout is an AssertionError, so the stub also checks the writer.
 */
public final class DimodBqmReader {
  private DimodBqmReader() {}

  public static Qubo read(byte[] f) {
    ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[8];
    b.get(magic);
    check(new String(magic, StandardCharsets.US_ASCII).equals("DIMODBQM"), "magic");
    check(b.get() == 2 && b.get() == 0, "version 2.0");
    int hlen = b.getInt();
    check((14 + hlen) % 64 == 0, "header padded to 64 bytes");
    JsonNode h;
    try {
      h = new ObjectMapper().readTree(new String(f, 14, hlen, StandardCharsets.US_ASCII).strip());
    } catch (Exception e) {
      throw new AssertionError("header JSON", e);
    }
    check(h.path("dtype").asText().equals("float64") && h.path("itype").asText().equals("int32")
        && h.path("ntype").asText().equals("int32") && h.path("type").asText().equals("BinaryQuadraticModel"), "dtypes");
    int n = h.path("shape").get(0).asInt();
    int ni = h.path("shape").get(1).asInt();
    b.position(14 + hlen);
    double offset = b.getDouble();
    int[] start = new int[n + 1];
    double[] lin = new double[n];
    for (int i = 0; i < n; i++) {
      start[i] = b.getInt();
      lin[i] = b.getDouble();
    }
    start[n] = 2 * ni;
    QuboBuilder qb = Qubo.builder(Vartype.parse(h.path("vartype").asText()), n);
    for (int i = 0; i < n; i++) {
      qb.addLinear(i, lin[i]);
      int prev = -1;
      for (int k = start[i]; k < start[i + 1]; k++) {
        int j = b.getInt();
        double bias = b.getDouble();
        check(j > prev && j != i, "neighbourhoods sorted");
        prev = j;
        if (j > i) {
          qb.addQuadratic(i, j, bias);
        }
      }
    }
    qb.addOffset(offset);
    if (h.path("variables").asBoolean()) {
      byte[] m = new byte[4];
      b.get(m);
      check(new String(m, StandardCharsets.US_ASCII).equals("VARS"), "VARS section");
      int len = b.getInt();
      check((8 + len) % 64 == 0, "VARS padded");
      try {
        JsonNode labels = new ObjectMapper().readTree(new String(f, b.position(), len, StandardCharsets.US_ASCII).strip());
        List<Object> l = new ArrayList<>();
        labels.forEach(x -> l.add(new ObjectMapper().convertValue(x, Object.class)));
        qb.labels(l);
      } catch (Exception e) {
        throw new AssertionError("labels", e);
      }
      b.position(b.position() + len);
    }
    check(!b.hasRemaining(), "nothing after the last section");
    return qb.build();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("DIMODBQM file: bad " + what);
    }
  }
}
