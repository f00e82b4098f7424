package io.qprune.solvers.remote.dwave;

import com.fasterxml.jackson.databind.JsonNode;
import io.qprune.api.Qubo;
import io.qprune.solvers.remote.internal.Json;
import io.qprune.solvers.remote.internal.Rescore;
import io.qprune.solvers.remote.internal.ServiceErrors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Decodes a {@code qp} answer: base64 little-endian float64 {@code energies} (without the model's
 * offset, which is added back), int32 {@code num_occurrences} and {@code active_variables}, and
 * {@code solutions} packed most significant bit first, ceil(active/8) bytes per solution, in
 * active-variable order. The active qubits must be exactly the problem's.
 */
final class QpAnswer {
  private QpAnswer() {}

  static List<Rescore.Row> rows(JsonNode answer, Qubo q, QpEncoding placed, ServiceErrors errors, String id) {
    String where = "The qp answer of problem " + id;
    if (!"qp".equals(answer.path("format").asText())) {
      throw errors.protocol(id, where + " has format '" + answer.path("format").asText() + "'; expected 'qp'");
    }
    double[] energies = doubles(Json.field(answer, "energies", errors, id, where), errors, id, "energies");
    int[] active = ints(Json.field(answer, "active_variables", errors, id, where), errors, id, "active_variables");
    int rows = energies.length;
    int[] counts = answer.has("num_occurrences")
        ? ints(answer.get("num_occurrences"), errors, id, "num_occurrences") : filled(rows);
    if (counts.length != rows) {
      throw errors.protocol(id, where + " has " + rows + " energies but " + counts.length + " occurrence counts; the answer is truncated");
    }
    int n = placed.numVariables();
    int[] varOfColumn = new int[active.length];
    boolean[] seen = new boolean[n];
    for (int c = 0; c < active.length; c++) {
      Integer v = placed.variableOn(active[c]);
      if (v == null || seen[v]) {
        throw errors.protocol(id, where + " reports active qubits " + Arrays.toString(active)
            + ", but the problem used qubits " + Arrays.toString(placed.qubits())
            + ": it is an answer for another problem");
      }
      seen[v] = true;
      varOfColumn[c] = v;
    }
    if (active.length != n) {
      throw errors.protocol(id, where + " has " + active.length + " active variables; the model has " + n);
    }
    int totalQubits = answer.path("num_variables").asInt(-1);
    for (int a : active) {
      if (a >= totalQubits) {
        throw errors.protocol(id, where + " declares num_variables " + totalQubits + " but qubit " + a + " is active");
      }
    }
    byte[] sol = base64(Json.field(answer, "solutions", errors, id, where), errors, id, "solutions");
    // ceil(active/8) bytes per solution at least; SAPI may pad each one further (as its own numpy
    // decoder assumes: the stride is the byte count divided by the number of solutions)
    int per = (active.length + 7) / 8;
    int stride = rows == 0 ? per : sol.length / rows;
    if (rows > 0 && (sol.length % rows != 0 || stride < per)) {
      throw errors.protocol(id, where + " has " + sol.length + " bytes of solutions; " + rows
          + " solutions over " + active.length + " active qubits need at least " + rows * per + ". It is truncated.");
    }
    List<Rescore.Row> out = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      int[] x = new int[n];
      for (int c = 0; c < active.length; c++) {
        int bit = (sol[r * stride + c / 8] >> (7 - c % 8)) & 1;
        x[varOfColumn[c]] = q.vartype().value(bit == 1);
      }
      out.add(new Rescore.Row(x, energies[r] + q.offset(), counts[r]));
    }
    return out;
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, 1);
    return a;
  }

  private static byte[] base64(JsonNode n, ServiceErrors errors, String id, String name) {
    try {
      return Base64.getDecoder().decode(n.asText());
    } catch (IllegalArgumentException e) {
      throw errors.protocol(id, "the field '" + name + "' of the answer is not base64: " + e.getMessage(), e);
    }
  }

  private static double[] doubles(JsonNode n, ServiceErrors errors, String id, String name) {
    byte[] b = base64(n, errors, id, name);
    if (b.length % 8 != 0) {
      throw errors.protocol(id, "the field '" + name + "' holds " + b.length + " bytes, not a whole number of float64s; it is truncated");
    }
    double[] d = new double[b.length / 8];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(d);
    return d;
  }

  private static int[] ints(JsonNode n, ServiceErrors errors, String id, String name) {
    byte[] b = base64(n, errors, id, name);
    if (b.length % 4 != 0) {
      throw errors.protocol(id, "the field '" + name + "' holds " + b.length + " bytes, not a whole number of int32s; it is truncated");
    }
    int[] a = new int[b.length / 4];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(a);
    return a;
  }
}
