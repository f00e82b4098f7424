package io.qprune.formulation.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {
  @TempDir Path dir;

  @Test
  void idxReadsPlainAndGzippedFilesAlike() throws IOException {
    IdxFixture.write(dir.resolve("gz"), "t10k", 12, 10, 3, true);
    IdxFixture.write(dir.resolve("plain"), "t10k", 12, 10, 3, false);
    LabelledImages a = IdxFiles.read(dir.resolve("gz/t10k-images-idx3-ubyte.gz"),
        dir.resolve("gz/t10k-labels-idx1-ubyte.gz"), 10);
    LabelledImages b = IdxFiles.read(dir.resolve("plain/t10k-images-idx3-ubyte"),
        dir.resolve("plain/t10k-labels-idx1-ubyte"), 10);
    assertThat(a.count()).isEqualTo(12);
    assertThat(a.height()).isEqualTo(28);
    assertThat(a.label(11)).isEqualTo(1);
    assertThat(a.pixels()).isEqualTo(b.pixels());
    assertThat(a.labels()).isEqualTo(b.labels());
  }

  @Test
  void idxNamesTheFileWithABadMagicOrTruncatedData() throws IOException {
    IdxFixture.write(dir, "t10k", 5, 10, 3, false);
    Path images = dir.resolve("t10k-images-idx3-ubyte");
    Path labels = dir.resolve("t10k-labels-idx1-ubyte");
    assertThatThrownBy(() -> IdxFiles.read(labels, labels, 10)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(labels.toString()).hasMessageContaining("magic 0x00000801");
    byte[] all = Files.readAllBytes(images);
    Files.write(images, java.util.Arrays.copyOf(all, all.length - 10));
    assertThatThrownBy(() -> IdxFiles.read(images, labels, 10)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void idxRejectsALabelOutsideTheClasses() throws IOException {
    IdxFixture.write(dir, "t10k", 5, 10, 3, false);
    assertThatThrownBy(() -> IdxFiles.read(dir.resolve("t10k-images-idx3-ubyte"),
        dir.resolve("t10k-labels-idx1-ubyte"), 3)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("label 3 of image 3");
  }

  @Test
  void cifarBinaryRecordsAreSplitIntoLabelsAndPlanes() throws IOException {
    Path d = dir.resolve("cifar-10-batches-bin");
    Files.createDirectories(d);
    byte[] batch = new byte[3 * Cifar10Files.RECORD];
    for (int r = 0; r < 3; r++) {
      batch[r * Cifar10Files.RECORD] = (byte) (r + 4);
      for (int p = 0; p < 3072; p++) {
        batch[r * Cifar10Files.RECORD + 1 + p] = (byte) (r * 10 + p / 1024); // plane index per record
      }
    }
    Files.write(d.resolve("data_batch_1.bin"), batch);
    Files.write(d.resolve("data_batch_2.bin"), java.util.Arrays.copyOf(batch, Cifar10Files.RECORD));
    Files.write(d.resolve("test_batch.bin"), batch);
    LabelledImages train = Cifar10Files.train(d);
    assertThat(train.count()).isEqualTo(4);
    assertThat(train.channels()).isEqualTo(3);
    assertThat(train.label(0)).isEqualTo(4);
    assertThat(train.label(2)).isEqualTo(6);
    assertThat(train.label(3)).isEqualTo(4); // the second batch file follows the first
    // record 1, green plane (index 1), any pixel
    assertThat(train.pixels()[1 * 3072 + 1024 + 17]).isEqualTo((byte) 11);
    assertThat(Cifar10Files.test(d).count()).isEqualTo(3);
  }

  @Test
  void cifarRejectsPartialRecordsAndBadLabels() throws IOException {
    Path f = dir.resolve("data_batch_1.bin");
    Files.write(f, new byte[Cifar10Files.RECORD + 5]);
    assertThatThrownBy(() -> Cifar10Files.read(List.of(f), "x")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(f.toString()).hasMessageContaining("3078 bytes");
    byte[] b = new byte[Cifar10Files.RECORD];
    b[0] = 12;
    Files.write(f, b);
    assertThatThrownBy(() -> Cifar10Files.read(List.of(f), "x")).hasMessageContaining("label 12");
    assertThatThrownBy(() -> Cifar10Files.train(dir.resolve("missing")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void fashionMnistSplitsTheTrainingFileOrFallsBackToTheTestSplit() throws IOException {
    IdxFixture.writeTestSplit(dir, 400, 10, 5);
    FashionMnist.Splits s = FashionMnist.load(dir);
    assertThat(s.note()).contains("Only the test split");
    assertThat(s.train().count() + s.validation().count()).isEqualTo(200);
    assertThat(s.validation().count()).isEqualTo(40);
    assertThat(s.test().count()).isEqualTo(200);
    IdxFixture.write(dir, "train", 5010, 10, 6, true);
    FashionMnist.Splits full = FashionMnist.load(dir);
    assertThat(full.note()).isEmpty();
    assertThat(full.train().count()).isEqualTo(10);
    assertThat(full.validation().count()).isEqualTo(FashionMnist.VALIDATION);
    assertThat(full.test().count()).isEqualTo(400);
    assertThatThrownBy(() -> FashionMnist.load(dir.resolve("none"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("dataset-fashion-mnist");
  }

  @Test
  void channelStatsAreMeanAndStdOnTheUnitScale() {
    byte[] px = {0, (byte) 255, 0, (byte) 255};
    LabelledImages d = new LabelledImages(1, 1, 2, 2, px, new byte[] {0}, 2, "x");
    float[][] s = d.channelStats();
    assertThat(s[0][0]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(s[1][0]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void shapeMismatchIsAClearError() {
    assertThatThrownBy(() -> new LabelledImages(2, 1, 2, 2, new byte[7], new byte[2], 2, "f"))
        .hasMessageContaining("f: 7 pixel bytes");
  }

}
