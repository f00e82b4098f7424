package io.qprune.formulation.importance.io;

import static io.qprune.formulation.importance.io.NpyWriter.f4;
import static io.qprune.formulation.importance.io.NpyWriter.f8;
import static io.qprune.formulation.importance.io.NpyWriter.i8;
import static io.qprune.formulation.importance.io.NpyWriter.npy;
import static io.qprune.formulation.importance.io.NpyWriter.unicode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.importance.ScoreKind;
import io.qprune.formulation.importance.ScoreSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreFilesTest {
  @TempDir Path dir;

  private static Map<String, byte[]> valid() {
    Map<String, byte[]> a = new LinkedHashMap<>();
    a.put("layer", npy("<U5", "3,", unicode(5, "conv1", "conv1", "conv2"), false));
    a.put("taylor", npy("<f4", "3,", f4(0.5f, 0.25f, 1f), false));
    a.put("fisher", npy("<f8", "3,", f8(1, 2, 3), false));
    a.put("l1", npy("<i8", "3,", i8(4, 5, 6), false));
    a.put("similarity_conv1", npy("<f4", "2, 2", f4(1, 0.5f, 0.5f, 1), false));
    a.put("similarity_conv2", npy("<f8", "1, 1", f8(1), false));
    return a;
  }

  @Test
  void readsAnNpzArchiveAndTheSameArraysAsAFolderOfNpyFiles() throws Exception {
    Path npz = dir.resolve("s.npz");
    NpyWriter.npz(npz, valid());
    Path folder = Files.createDirectories(dir.resolve("npy"));
    for (var e : valid().entrySet()) {
      Files.write(folder.resolve(e.getKey() + ".npy"), e.getValue());
    }
    for (Path p : new Path[] {npz, folder}) {
      ScoreSet s = ScoreFiles.read(p);
      assertThat(s.layout().ids()).containsExactly("conv1:0", "conv1:1", "conv2:0");
      assertThat(s.raw(ScoreKind.TAYLOR)).containsExactly(0.5, 0.25, 1);
      assertThat(s.raw(ScoreKind.L1)).containsExactly(4, 5, 6);
      assertThat(s.similarity().get(0, 0, 1)).isCloseTo(0.5, within(1e-7));
    }
  }

  @Test
  void theJsonFormRoundTrips() throws Exception {
    Path npz = dir.resolve("s.npz");
    NpyWriter.npz(npz, valid());
    ScoreSet s = ScoreFiles.read(npz);
    Path json = dir.resolve("s.json");
    Files.writeString(json, ScoresJson.write(s));
    ScoreSet back = ScoreFiles.read(json);
    assertThat(back.layout().ids()).isEqualTo(s.layout().ids());
    assertThat(back.raw(ScoreKind.FISHER)).containsExactly(s.raw(ScoreKind.FISHER));
    assertThat(back.similarity().layer(0)).isDeepEqualTo(s.similarity().layer(0));
  }

  @Test
  void malformedArraysGetErrorsNamingFileAndProblem() throws Exception {
    assertThatThrownBy(() -> Npy.parse(new byte[] {1, 2, 3}, "x.npy"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("x.npy is not a NumPy");
    assertThatThrownBy(() -> Npy.parse(npy(">f4", "2,", f4(1, 2), false), "b.npy"))
        .hasMessageContaining("big-endian");
    assertThatThrownBy(() -> Npy.parse(npy("<f4", "2, 2", f4(1, 2, 3, 4), true), "f.npy"))
        .hasMessageContaining("Fortran order");
    assertThatThrownBy(() -> Npy.parse(npy("<f4", "3,", f4(1, 2), false), "t.npy"))
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> Npy.parse(npy("<c16", "1,", f8(1, 2), false), "c.npy"))
        .hasMessageContaining("dtype '<c16'");
    assertThat(Npy.parse(npy("|u1", "2,", new byte[] {(byte) 200, 3}, false), "u").numbers())
        .containsExactly(200, 3);

    Map<String, byte[]> a = valid();
    a.put("taylor", npy("<f4", "2,", f4(1, 2), false));
    assertThatThrownBy(() -> read(a)).hasMessageContaining("[taylor] has shape [2]; expected (3,)");
    Map<String, byte[]> b = valid();
    b.put("fisher", npy("<f8", "3,", f8(1, Double.NaN, 3), false));
    assertThatThrownBy(() -> read(b)).hasMessageContaining("'fisher' of unit 'conv1:1'")
        .hasMessageContaining("NaN");
    Map<String, byte[]> c = valid();
    c.remove("similarity_conv2");
    assertThatThrownBy(() -> read(c)).hasMessageContaining("no 'similarity_conv2'");
    Map<String, byte[]> d = valid();
    d.put("similarity_conv1", npy("<f4", "3, 3", f4(new float[9]), false));
    assertThatThrownBy(() -> read(d)).hasMessageContaining("expected (2, 2)");
    Map<String, byte[]> e = valid();
    e.put("id", npy("<U1", "3,", unicode(1, "a", "b", "a"), false));
    assertThatThrownBy(() -> read(e)).hasMessageContaining("'a' appears twice");
    Map<String, byte[]> f = valid();
    f.put("weights", npy("<f4", "3,", f4(1, 2, 3), false));
    assertThatThrownBy(() -> read(f)).hasMessageContaining("unknown array 'weights'");
  }

  @Test
  void malformedJsonIsNamedByUnitAndLine() throws Exception {
    Path p = dir.resolve("bad.json");
    Files.writeString(p, "{\"units\": [{\"id\": \"a\", \"layer\": \"x\", \"taylor\": 1},\n"
        + " {\"id\": \"b\", \"layer\": \"x\"}]}");
    assertThatThrownBy(() -> ScoreFiles.read(p)).hasMessageContaining("bad.json: units[1] ('b') lacks 'taylor'");
    Files.writeString(p, "{\"units\": [\n{\"id\": \"a\", \"layer\": \"x\", \"taylor\": 1,}]}");
    assertThatThrownBy(() -> ScoreFiles.read(p)).hasMessageContaining("line 2");
    Files.writeString(p, "{\"units\": [{\"id\": \"a\", \"layer\": \"x\", \"taylor\": 1}],"
        + " \"similarity\": {\"y\": [[1]]}}");
    assertThatThrownBy(() -> ScoreFiles.read(p)).hasMessageContaining("similarity of 'y'");
    assertThatThrownBy(() -> ScoreFiles.read(dir.resolve("s.csv"))).hasMessageContaining("must be .npz, .json");
  }

  private Object read(Map<String, byte[]> arrays) throws Exception {
    Path npz = dir.resolve("t.npz");
    NpyWriter.npz(npz, arrays);
    return ScoreFiles.read(npz);
  }
}
