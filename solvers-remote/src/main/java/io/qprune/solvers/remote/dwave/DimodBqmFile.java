package io.qprune.solvers.remote.dwave;

import io.qprune.api.Qubo;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a model in dimod's binary DIMODBQM file format, version 2.0 ({@code bqm.to_file()}), the
 * format Leap's hybrid solvers take by multipart upload: magic and version, a JSON header padded to
 * 64 bytes, the offset, per variable (int32 neighbourhood start, float64 bias), per variable its
 * (int32 neighbour, float64 bias) pairs in increasing neighbour order, and a VARS section with the
 * labels when they are not 0..n-1. All numbers little-endian.
 */
final class DimodBqmFile {
  private DimodBqmFile() {}

  static byte[] write(Qubo q) {
    int n = q.numVariables();
    int[] degree = new int[n];
    q.forEachInteraction((i, j, b) -> {
      degree[i]++;
      degree[j]++;
    });
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      start[i + 1] = start[i] + degree[i];
    }
    int[] nbr = new int[start[n]];
    double[] bias = new double[start[n]];
    int[] fill = start.clone();
    // rows come in increasing i and, within a row, increasing j, so every neighbourhood ends up sorted
    for (int i = 0; i < n; i++) {
      for (int k = q.rowStart(i); k < q.rowEnd(i); k++) {
        int j = q.col(k);
        nbr[fill[j]] = i;
        bias[fill[j]++] = q.value(k);
      }
      for (int k = q.rowStart(i); k < q.rowEnd(i); k++) {
        nbr[fill[i]] = q.col(k);
        bias[fill[i]++] = q.value(k);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header(q, start[n] / 2));
    ByteBuffer body = ByteBuffer.allocate(8 + 12 * n + 12 * start[n]).order(ByteOrder.LITTLE_ENDIAN);
    body.putDouble(q.offset());
    for (int i = 0; i < n; i++) {
      body.putInt(start[i]).putDouble(q.linear(i));
    }
    for (int k = 0; k < start[n]; k++) {
      body.putInt(nbr[k]).putDouble(bias[k]);
    }
    out.writeBytes(body.array());
    if (q.hasLabels()) {
      out.writeBytes(section("VARS", PythonJson.list(q.labels())));
    }
    return out.toByteArray();
  }

  private static byte[] header(Qubo q, int numInteractions) {
    String json = "{\"dtype\": \"float64\", \"itype\": \"int32\", \"ntype\": \"int32\", \"shape\": ["
        + q.numVariables() + ", " + numInteractions + "], \"type\": \"BinaryQuadraticModel\", \"variables\": "
        + q.hasLabels() + ", \"vartype\": \"" + q.vartype().name() + "\"}\n";
    byte[] data = json.getBytes(StandardCharsets.US_ASCII);
    int unpadded = 8 + 2 + 4 + data.length;
    int len = data.length + pad(unpadded);
    ByteBuffer b = ByteBuffer.allocate(14 + len).order(ByteOrder.LITTLE_ENDIAN);
    b.put("DIMODBQM".getBytes(StandardCharsets.US_ASCII)).put((byte) 2).put((byte) 0).putInt(len).put(data);
    while (b.hasRemaining()) {
      b.put((byte) ' ');
    }
    return b.array();
  }

  /** A dimod file section: 4-byte magic, uint32 length, data padded with spaces to 64 bytes. */
  private static byte[] section(String magic, String data) {
    byte[] d = data.getBytes(StandardCharsets.US_ASCII);
    int len = d.length + pad(8 + d.length);
    ByteBuffer b = ByteBuffer.allocate(8 + len).order(ByteOrder.LITTLE_ENDIAN);
    b.put(magic.getBytes(StandardCharsets.US_ASCII)).putInt(len).put(d);
    while (b.hasRemaining()) {
      b.put((byte) ' ');
    }
    return b.array();
  }

  private static int pad(int length) {
    return length % 64 == 0 ? 0 : 64 - length % 64;
  }

  /** Used by tests and the stubs: the labels section's JSON for a label list. */
  static String labelsJson(List<Object> labels) {
    return PythonJson.list(labels);
  }
}
