package io.qprune.solvers.remote.dwave;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.api.Qubo;
import io.qprune.api.Vartype;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DimodBqmFileTest {

  /** E = 0.5 − a − b + 2c + 2ab − 1.5bc, the model of the wire-format notes (§1). */
  static Qubo exampleModel() {
    return Qubo.builder(3).labels(List.of("a", "b", "c")).addOffset(0.5).addLinear(0, -1).addLinear(1, -1)
        .addLinear(2, 2).addQuadratic(0, 1, 2).addQuadratic(1, 2, -1.5).build();
  }

  @Test
  void writesTheReferenceFileByteForByte() throws Exception {
    byte[] expected;
    try (InputStream in = getClass().getResourceAsStream("/wire/example_bqm_v2.bqm")) {
      expected = in.readAllBytes();
    }
    assertThat(expected).hasSize(348);
    assertThat(DimodBqmFile.write(exampleModel())).isEqualTo(expected);
  }

  @Test
  void unlabelledModelsHaveNoVarsSectionAndAlignedHeader() {
    Qubo q = Qubo.builder(Vartype.SPIN, 2).addLinear(1, 3).addQuadratic(0, 1, -1).build();
    byte[] f = DimodBqmFile.write(q);
    ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen = b.getInt(10);
    assertThat((14 + headerLen) % 64).isZero();
    String header = new String(f, 14, headerLen, StandardCharsets.US_ASCII);
    assertThat(header).startsWith("{\"dtype\": \"float64\", \"itype\": \"int32\", \"ntype\": \"int32\", \"shape\": [2, 1],")
        .contains("\"variables\": false, \"vartype\": \"SPIN\"}\n");
    // offset, 2 x (start, bias), 2 x (neighbour, bias): no labels section after it
    assertThat(f).hasSize(14 + headerLen + 8 + 2 * 12 + 2 * 12);
    b.position(14 + headerLen + 8);
    assertThat(b.getInt()).isZero();
    assertThat(b.getDouble()).isZero();
    assertThat(b.getInt()).isEqualTo(1);
    assertThat(b.getDouble()).isEqualTo(3.0);
    assertThat(b.getInt()).isEqualTo(1); // neighbour of 0
    assertThat(b.getDouble()).isEqualTo(-1.0);
    assertThat(b.getInt()).isZero(); // neighbour of 1
  }

  @Test
  void labelsAreWrittenAsPythonJsonDumpsWritesThem() {
    assertThat(PythonJson.list(List.of("a\"b", 3, List.of(1, "x"), "é\n"))).isEqualTo(
        "[\"a\\\"b\", 3, [1, \"x\"], \"\\u00e9\\n\"]");
  }
}
