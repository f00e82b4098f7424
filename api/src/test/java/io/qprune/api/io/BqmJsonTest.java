package io.qprune.api.io;

import static io.qprune.api.io.TestFiles.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.qprune.api.Qubo;
import io.qprune.api.Vartype;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BqmJsonTest {
  private static final String EXAMPLE = TestFiles.text("example-bqm.json");

  /** E = 0.5 − a − b + 2c + 2ab − 1.5bc, the spec's three-variable example. */
  private static Qubo example() {
    return Qubo.builder(Vartype.BINARY, 3).labels(List.of("a", "b", "c"))
        .addLinear(0, -1).addLinear(1, -1).addLinear(2, 2)
        .addQuadratic(1, 0, 2).addQuadratic(2, 1, -1.5).addOffset(0.5).build();
  }

  @Test
  void readsTheSpecExample() {
    Qubo q = BqmJson.read(TestFiles.resource("example-bqm.json"));
    assertThat(q).isEqualTo(example());
    assertThat(q.labels()).containsExactly("a", "b", "c");
    for (int p = 0; p < 8; p++) {
      int a = p & 1;
      int b = p >> 1 & 1;
      int c = p >> 2 & 1;
      double expected = 0.5 - a - b + 2 * c + 2 * a * b - 1.5 * b * c;
      assertThat(q.energy(new int[] {a, b, c})).isEqualTo(expected);
    }
  }

  @Test
  void writesTheSpecExampleWithDimodsKeysInOrder() {
    JsonNode written = tree(BqmJson.write(example()));
    assertThat(written).isEqualTo(tree(EXAMPLE));
    List<String> keys = new ArrayList<>();
    written.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("type", "version", "use_bytes", "index_type", "bias_type",
        "num_variables", "num_interactions", "variable_labels", "variable_type", "offset", "info",
        "linear_biases", "quadratic_biases", "quadratic_head", "quadratic_tail");
  }

  @Test
  void writeReadWriteGivesIdenticalTextAndEqualModels() {
    List<Qubo> models = List.of(
        example(),
        Models.awkward(Vartype.SPIN, 9, 0.5, 1, null),
        Models.awkward(Vartype.BINARY, 6, 0.7, 2, List.of(List.of("x", 0), List.of("x", 1), 5, "z",
            List.of(List.of(1, 2), "deep"), -3)),
        Qubo.builder(Vartype.BINARY, 0).addOffset(-2).build());
    for (Qubo q : models) {
      String text = BqmJson.write(q);
      Qubo back = BqmJson.read(new StringReader(text), "<input>");
      assertThat(back).isEqualTo(q);
      assertThat(back.labels()).isEqualTo(q.labels());
      assertThat(BqmJson.write(back)).isEqualTo(text);
    }
  }

  @Test
  void keepsEveryBitOfExtremeBiases() {
    double[] values = {0.1, 1.0 / 3, 1e-300, Double.MIN_VALUE, -Double.MAX_VALUE, 123456789.123456789,
        -0.0, 9007199254740993.0};
    var b = Qubo.builder(Vartype.BINARY, values.length);
    for (int i = 0; i < values.length; i++) {
      b.addLinear(i, values[i]);
    }
    Qubo back = BqmJson.read(new StringReader(BqmJson.write(b.build())), "<input>");
    for (int i = 0; i < values.length; i++) {
      assertThat(Double.doubleToLongBits(back.linear(i)))
          .as("bias %s", values[i]).isEqualTo(Double.doubleToLongBits(values[i] + 0.0));
    }
  }

  @Test
  void writesIndexLabelsForAnUnlabelledModelAndReadsThemAsUnlabelled() {
    Qubo q = Qubo.builder(Vartype.SPIN, 3).addQuadratic(0, 2, 1).build();
    JsonNode t = tree(BqmJson.write(q));
    assertThat(t.get("variable_labels").toString()).isEqualTo("[0,1,2]");
    assertThat(t.get("linear_biases").toString()).isEqualTo("[0.0,0.0,0.0]");
    assertThat(BqmJson.read(new StringReader(t.toString()), "x").hasLabels()).isFalse();
  }

  @Test
  void readsTheEarly300FormAndGzippedInput(@TempDir Path dir) throws Exception {
    assertThat(BqmJson.read(TestFiles.resource("bqm-early-3.0.0.json"))).isEqualTo(example());
    Path gz = TestFiles.writeGzip(dir, "model.json", TestFiles.text("bqm-early-3.0.0.json"));
    assertThat(BqmJson.read(gz)).isEqualTo(example());
  }

  @Test
  void readsSchema200WithTupleLabelsAndReversedPairs() {
    Qubo q = BqmJson.read(TestFiles.resource("bqm-2.0.0.json"));
    Qubo expected = Qubo.builder(Vartype.SPIN, 3).labels(List.of(List.of("x", 0), List.of("x", 1), 7))
        .addLinear(0, 0.5).addLinear(2, -2).addQuadratic(0, 1, 1).addQuadratic(0, 2, -0.75)
        .addOffset(-1.25).build();
    assertThat(q).isEqualTo(expected);
    assertThat(q.indexOf(List.of("x", 1))).isEqualTo(1);
  }

  @Test
  void rejectsSchemasOutsideTwoToThree() {
    assertRejected(EXAMPLE.replace("\"3.0.0\"", "\"1.0.0\""), 1, "bqm_schema 1.0.0 is older than 2.0.0");
    assertRejected(EXAMPLE.replace("\"3.0.0\"", "\"4.0.0\""), 1, "bqm_schema 4.0.0 is newer");
    assertRejected(EXAMPLE.replace("\"3.0.0\"", "\"three\""), 1, "not a version");
    assertRejected(EXAMPLE.replace("\"version\":{\"bqm_schema\":\"3.0.0\"},", ""), 1,
        "pre-2.0.0 serialization");
  }

  @Test
  void rejectsUseBytesWithAnExplanation() {
    FormatException e = assertRejected(EXAMPLE.replace("\"use_bytes\":false", "\"use_bytes\":true"),
        1, "use_bytes is true");
    assertThat(e.getMessage()).contains("BSON").contains("use_bytes=False");
  }

  @Test
  void rejectsMissingKeysAndWrongTypes() {
    assertRejected(EXAMPLE.replace("\"offset\":0.5,", ""), 1, "has no 'offset' key");
    assertRejected(EXAMPLE.replace(",\"quadratic_tail\":[1,2]", ""), 1, "no 'quadratic_tail' key");
    assertRejected(EXAMPLE.replace("\"BINARY\"", "\"DISCRETE\""), 3, "only BINARY and SPIN");
    assertRejected(EXAMPLE.replace("\"a\",\"b\",\"c\"", "\"a\",1.5,\"c\""), 3,
        "variable_labels[1] is 1.5");
    assertRejected(EXAMPLE.replace("\"a\",\"b\",\"c\"", "\"a\",\"b\",\"a\""), 3, "used twice");
    assertRejected("[1, 2]", 1, "must be a JSON object");
    assertRejected(EXAMPLE.replace("\"BinaryQuadraticModel\"", "\"SampleSet\""), 1, "SampleSet");
  }

  @Test
  void rejectsBadBiasesAtTheirLine() {
    assertRejected(EXAMPLE.replace("[-1.0,-1.0,2.0]", "[-1.0,NaN,2.0]"), 4,
        "linear_biases[1] must be a finite number, got NaN");
    assertRejected(EXAMPLE.replace("[2.0,-1.5]", "[2.0,\"-1.5\"]"), 4,
        "quadratic_biases[1] must be a finite number, got the string \"-1.5\"");
    assertRejected(EXAMPLE.replace("\"offset\":0.5", "\"offset\":Infinity"), 3, "offset must be a finite");
  }

  @Test
  void rejectsInconsistentArraysAndCounts() {
    assertRejected(EXAMPLE.replace("[-1.0,-1.0,2.0]", "[-1.0,-1.0]"), 3,
        "3 variable_labels but 2 linear_biases");
    assertRejected(EXAMPLE.replace("\"quadratic_tail\":[1,2]", "\"quadratic_tail\":[1]"), 5,
        "same length");
    assertRejected(EXAMPLE.replace("\"quadratic_tail\":[1,2]", "\"quadratic_tail\":[1,1]"), 5,
        "joins variable 1 to itself");
    assertRejected(EXAMPLE.replace("\"quadratic_tail\":[1,2]", "\"quadratic_tail\":[1,3]"), 5,
        "quadratic_tail[1] is 3, out of range 0..2");
    assertRejected(EXAMPLE.replace("\"quadratic_head\":[0,1]", "\"quadratic_head\":[0,-1]"), 5,
        "quadratic_head[1] is -1");
    assertRejected(EXAMPLE.replace("\"num_variables\":3", "\"num_variables\":4"), 2,
        "num_variables is 4 but there are 3");
    assertRejected(EXAMPLE.replace("\"num_interactions\":2", "\"num_interactions\":1"), 2,
        "num_interactions is 1 but there are 2");
    assertRejected(TestFiles.text("bqm-early-3.0.0.json").replace("[3, 2]", "[3, 3]"), 3,
        "shape is [3,3]");
    assertRejected(EXAMPLE.replace("\"float64\"", "\"complex128\""), 2, "bias_type 'complex128'");
  }

  @Test
  void reportsSyntaxErrorsAndTrailingGarbageWithTheirLine() {
    assertRejected(EXAMPLE.replace("\"info\":{},", "\"info\":{}"), 4, "not valid JSON");
    assertRejected(EXAMPLE + "\n{}", 7, "more content after the end of the JSON document");
    assertRejected(EXAMPLE + "\nxyz", 7, "not valid JSON");
    assertRejected(EXAMPLE.replace("\"offset\":0.5,", "\"offset\":0.5,\"offset\":1,"), 3,
        "Duplicate field 'offset'");
  }

  @Test
  void rejectsEmptyAndBinaryInput() {
    assertThatThrownBy(() -> BqmJson.read(new StringReader(""), "empty.json"))
        .isInstanceOf(FormatException.class).hasMessage(
            "empty.json: the file is empty; check that it was written completely");
    byte[] binary = {'{', 0, 1, 2, (byte) 0xff};
    assertThatThrownBy(() -> BqmJson.read(new ByteArrayInputStream(binary), "blob.json"))
        .isInstanceOf(FormatException.class).hasMessageStartingWith("blob.json: looks like a binary file");
    byte[] dimodBinary = "DIMODBQM\u0002\u0000...".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> BqmJson.read(new ByteArrayInputStream(dimodBinary), "m.bqm"))
        .hasMessageContaining("bqm.to_file()").hasMessageContaining("to_serializable()");
  }

  private static FormatException assertRejected(String json, int line, String fragment) {
    FormatException e = catchThrowableOfType(FormatException.class,
        () -> BqmJson.read(new StringReader(json), "m.json"));
    assertThat(e).as("expected a FormatException mentioning '%s' for %s", fragment, json).isNotNull();
    assertThat(e.getMessage()).contains(fragment);
    assertThat(e.source()).isEqualTo("m.json");
    assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
    assertThat(e.getMessage()).startsWith("m.json line " + line + ": ");
    return e;
  }
}
