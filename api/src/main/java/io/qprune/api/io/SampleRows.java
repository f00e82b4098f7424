package io.qprune.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.qprune.api.Vartype;

/**
 * A sample set's {@code sample_data}: packed uint32 words (bit k of word w, least significant
 * first, is variable 32w+k; set means 1 or +1) or plain rows of variable values.
 */
final class SampleRows {
  private final JsonFields f;
  private final Vartype vartype;
  private final int n;
  private final int rows;

  SampleRows(JsonFields f, Vartype vartype, int n, int rows) {
    this.f = f;
    this.vartype = vartype;
    this.n = n;
    this.rows = rows;
  }

  /** One row of bits per sample. */
  boolean[][] read(JsonNode sampleData, String ptr, boolean packed) {
    f.object(sampleData, ptr);
    ArrayObjects.checkPlain(f, sampleData, ptr);
    JsonNode data = f.array(f.required(sampleData, ptr, "data", "the file is incomplete"), ptr + "/data");
    int width = packed ? (n + 31) >>> 5 : n;
    if (packed) {
      JsonNode dt = sampleData.get("data_type");
      if (dt != null && !"uint32".equals(dt.textValue())) {
        throw f.error(ptr + "/data_type", "packed samples must be uint32 words, but data_type is "
            + JsonFields.describe(dt) + "; set sample_packed to false if the rows hold plain values");
      }
    }
    ArrayObjects.checkShape(f, sampleData, ptr, rows, width);
    if (data.size() != rows) {
      throw f.error(ptr + "/data", "sample_data holds " + data.size() + " rows but num_rows is "
          + rows + "; the file is corrupt");
    }
    boolean[][] out = new boolean[rows][];
    for (int r = 0; r < rows; r++) {
      String rp = ptr + "/data/" + r;
      JsonNode row = f.array(data.get(r), rp);
      if (row.size() != width) {
        throw f.error(rp, "sample row " + r + " has " + row.size() + (packed ? " words" : " values")
            + " but " + n + " variables need " + width + (packed ? " uint32 words" : ""));
      }
      out[r] = packed ? unpack(row, rp) : plain(row, rp);
    }
    return out;
  }

  private boolean[] unpack(JsonNode row, String rp) {
    boolean[] bits = new boolean[n];
    for (int w = 0; w < row.size(); w++) {
      long word = f.integer(row.get(w), rp + "/" + w, 0, 0xFFFF_FFFFL);
      for (int k = 0; k < 32 && word != 0; k++, word >>>= 1) {
        if ((word & 1) == 0) {
          continue;
        }
        int v = 32 * w + k;
        if (v >= n) {
          throw f.error(rp + "/" + w, "word " + w + " of sample row has bit " + k + " set, for "
              + "variable " + v + ", but there are only " + n + " variables; padding bits must be 0");
        }
        bits[v] = true;
      }
    }
    return bits;
  }

  private boolean[] plain(JsonNode row, String rp) {
    boolean[] bits = new boolean[n];
    for (int i = 0; i < n; i++) {
      JsonNode v = row.get(i);
      double x = v.isNumber() ? v.doubleValue() : Double.NaN;
      if (x != vartype.low() && x != vartype.high()) {
        throw f.error(rp + "/" + i, "value of variable " + i + " is " + JsonFields.describe(v)
            + ", not a " + vartype + " value (" + vartype.low() + " or " + vartype.high() + ")");
      }
      bits[i] = x == vartype.high();
    }
    return bits;
  }
}
