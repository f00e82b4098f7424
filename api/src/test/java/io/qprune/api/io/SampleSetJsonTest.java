package io.qprune.api.io;

import static io.qprune.api.io.TestFiles.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.qprune.api.InvalidInputException;
import io.qprune.api.SampleSet;
import io.qprune.api.SampleSetBuilder;
import io.qprune.api.SolveInfo;
import io.qprune.api.Vartype;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SampleSetJsonTest {
  private static final String EXAMPLE = TestFiles.text("example-sampleset.json");

  private static SampleSet example() {
    return SampleSet.builder(Vartype.BINARY, 3).labels(List.of("a", "b", "c"))
        .add(new int[] {0, 1, 1}, 0, 1).add(new int[] {1, 0, 0}, -0.5, 1).build();
  }

  @Test
  void readsTheSpecExample() {
    SampleSet s = SampleSetJson.read(TestFiles.resource("example-sampleset.json"));
    assertThat(s.vartype()).isEqualTo(Vartype.BINARY);
    assertThat(s.labels()).containsExactly("a", "b", "c");
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.sample(0).values()).containsExactly(1, 0, 0);
    assertThat(s.energy(0)).isEqualTo(-0.5);
    assertThat(s.sample(1).values()).containsExactly(0, 1, 1);
    assertThat(s.energy(1)).isEqualTo(0.0);
    assertThat(s.count(0)).isEqualTo(1);
    assertThat(s.info()).isEqualTo(SolveInfo.empty());
  }

  @Test
  void writesTheSpecExampleWithWholeEnergiesAsIntegers() {
    String out = SampleSetJson.write(example());
    assertThat(tree(out)).isEqualTo(tree(EXAMPLE));
    assertThat(out).contains("\"data\":[-0.5,0]");
  }

  @Test
  void roundTripsManyWordsSpinLabelsAndInfo() {
    int n = 70;
    SplittableRandom r = new SplittableRandom(7);
    List<Object> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      labels.add(i % 3 == 0 ? "s" + i : i % 3 == 1 ? List.of("t", i) : 1000 + i);
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("sweeps", 1000);
    props.put("schedule", List.of(0.1, 3.0));
    props.put("nested", Map.of("seed", 42));
    SolveInfo info = new SolveInfo("sa", 1.25, 0.5, props);
    SampleSetBuilder b = SampleSet.builder(Vartype.SPIN, n).labels(labels).info(info);
    for (int row = 0; row < 5; row++) {
      int[] x = new int[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextBoolean() ? 1 : -1;
      }
      b.add(x, row == 2 ? 7.0 : r.nextDouble() * 100 - 50, 1 + r.nextInt(9));
    }
    SampleSet s = b.build();
    String text = SampleSetJson.write(s);
    assertThat(tree(text).at("/sample_data/shape").toString()).isEqualTo("[5,3]");
    SampleSet back = SampleSetJson.read(new StringReader(text), "<input>");
    assertThat(back).isEqualTo(s);
    assertThat(back.info()).isEqualTo(info);
    assertThat(SampleSetJson.write(back)).isEqualTo(text);
  }

  @Test
  void writesTheUpperBitsOfAFullWord() {
    SampleSet s = SampleSet.builder(Vartype.BINARY, 32).add(ones(32), -1, 1).build();
    assertThat(tree(SampleSetJson.write(s)).at("/sample_data/data/0/0").longValue())
        .isEqualTo(0xFFFF_FFFFL);
    assertThat(SampleSetJson.read(new StringReader(SampleSetJson.write(s)), "x")).isEqualTo(s);
  }

  @Test
  void readsPlainRowsExtraVectorsAndForeignInfo() {
    SampleSet s = SampleSetJson.read(TestFiles.resource("sampleset-unpacked-3.1.0.json"));
    SampleSet expected = SampleSet.builder(Vartype.SPIN, 3)
        .add(new int[] {1, -1, 1}, -3, 4).add(new int[] {-1, -1, -1}, 1.5, 1).build();
    assertThat(s).isEqualTo(expected);
    assertThat(s.info().solver()).isEmpty();
    assertThat(s.info().totalSeconds()).isNaN();
    assertThat(s.info().properties()).containsEntry("problem_id", "abc-123")
        .containsEntry("timing", Map.of("qpu_access_time", 15822.0));
    String info = tree(SampleSetJson.write(s)).get("info").toString();
    assertThat(tree(info)).isEqualTo(tree(TestFiles.text("sampleset-unpacked-3.1.0.json")).get("info"));
  }

  @Test
  void readsSchema300WithoutSamplePackedAsPacked() {
    SampleSet s = SampleSetJson.read(TestFiles.resource("sampleset-3.0.0.json"));
    assertThat(s.sample(0).values()).containsExactly(1, 0, 1);
    assertThat(s.count(0)).isEqualTo(3);
    assertThat(s.labels()).containsExactly("p", "q", "r");
  }

  @Test
  void rejectsOtherSchemasAndTypes() {
    assertRejected(EXAMPLE.replace("\"3.2.0\"", "\"2.0.0\""), 1, "sampleset_schema 2.0.0 is not supported");
    assertRejected(EXAMPLE.replace("\"3.2.0\"", "\"4.0.0\""), 1, "4.0.0 is not supported");
    assertRejected(EXAMPLE.replace("\"type\":\"SampleSet\"", "\"type\":\"BinaryQuadraticModel\""), 1,
        "read it as bqm-json");
    assertRejected(EXAMPLE.replace("\"variable_type\":\"BINARY\"", "\"variable_type\":\"DISCRETE\""), 6,
        "only BINARY and SPIN");
  }

  @Test
  void rejectsBadSampleData() {
    assertRejected(EXAMPLE.replace("[[1],[6]]", "[[1,0],[6]]"), 2, "sample row 0 has 2 words");
    assertRejected(EXAMPLE.replace("[[1],[6]]", "[[1,0],[6]]").replace("[2,1]", "[2,2]"), 2,
        "shape is [2,2] but num_rows and num_variables imply [2,1]");
    assertRejected(EXAMPLE.replace("\"shape\":[2,1],", "").replace("[[1],[6]]", "[[1],[6,0]]"), 2,
        "sample row 1 has 2 words but 3 variables need 1 uint32 words");
    assertRejected(EXAMPLE.replace("[[1],[6]]", "[[1],[14]]"), 2, "bit 3 set, for variable 3");
    assertRejected(EXAMPLE.replace("[[1],[6]]", "[[1],[4294967296]]"), 2, "out of range 0..4294967295");
    assertRejected(EXAMPLE.replace("[[1],[6]]", "[[1],[-6]]"), 2, "sample_data.data[1][0] is -6");
    assertRejected(EXAMPLE.replace("\"uint32\"", "\"int8\""), 2, "must be uint32 words");
    assertRejected(EXAMPLE.replace("\"use_bytes\":false},\n \"sample_type\"",
        "\"use_bytes\":true},\n \"sample_type\""), 2, "use_bytes: true");
    assertRejected(EXAMPLE.replace("\"num_rows\":2", "\"num_rows\":3"), 2, "imply [3,1]");
    assertRejected(EXAMPLE.replace("\"num_variables\":3", "\"num_variables\":4"), 1,
        "num_variables is 4 but there are 3 variable_labels");
    String plain = TestFiles.text("sampleset-unpacked-3.1.0.json");
    assertRejected(plain.replace("[[1, -1, 1]", "[[1, 0, 1]"), 3, "is 0, not a SPIN value (-1 or 1)");
    assertRejected(plain.replace("[[1, -1, 1]", "[[1, -1]").replace("[2, 3]", "[2, 2]"), 4,
        "shape is [2,2]");
  }

  @Test
  void rejectsBadVectors() {
    assertRejected(EXAMPLE.replace("[-0.5,0]", "[-0.5,NaN]"), 4, "vectors.energy.data[1] must be a finite number, got NaN");
    assertRejected(EXAMPLE.replace("[-0.5,0]", "[-0.5]"), 4, "energy has 1 values but num_rows is 2");
    assertRejected(EXAMPLE.replace("\"shape\":[2],\"use_bytes\":false},\n  \"num_occ",
        "\"shape\":[1],\"use_bytes\":false},\n  \"num_occ"), 4, "vectors.energy.shape is [1]");
    assertRejected(EXAMPLE.replace("\"data\":[1,1]", "\"data\":[1,0]"), 5,
        "num_occurrences.data[1] is 0, out of range 1..");
    assertRejected(EXAMPLE.replace("\"energy\":", "\"energies\":"), 4, "has no 'energy' key");
  }

  @Test
  void refusesToWriteEnergiesJsonCannotHold() {
    SampleSet s = SampleSet.builder(Vartype.BINARY, 1).add(new int[] {1}, Double.NEGATIVE_INFINITY, 1)
        .build();
    assertThatThrownBy(() -> SampleSetJson.write(s)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("-Infinity");
  }

  private static int[] ones(int n) {
    int[] x = new int[n];
    java.util.Arrays.fill(x, 1);
    return x;
  }

  private static void assertRejected(String doc, int line, String fragment) {
    FormatException e = catchThrowableOfType(FormatException.class,
        () -> SampleSetJson.read(new StringReader(doc), "s.json"));
    assertThat(e).as("expected a FormatException mentioning '%s' for %s", fragment, doc).isNotNull();
    assertThat(e.getMessage()).contains(fragment);
    assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
  }
}
