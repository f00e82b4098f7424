package io.qprune.formulation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
  @TempDir Path dir;

  @Test
  void greyPngRoundTripsExactly() {
    float[] px = new float[6 * 5];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i * 37) % 256;
    }
    Image img = Image.of(1, 6, 5, px);
    Path f = dir.resolve("g.png");
    ImageFiles.writePng(img, f);
    assertThat(ImageFiles.read(f, ColorMode.GREY)).isEqualTo(img);
  }

  @Test
  void rgbIsReadInChannelOrderAndConvertedToRoundedLuma() throws Exception {
    BufferedImage b = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    b.setRGB(0, 0, (200 << 16) | (10 << 8) | 30);
    b.setRGB(1, 0, (0 << 16) | (255 << 8) | 0);
    Path f = dir.resolve("c.png");
    ImageIO.write(b, "png", f.toFile());
    Image rgb = ImageFiles.read(f, ColorMode.RGB);
    assertThat(rgb.pixels()).containsExactly(200, 0, 10, 255, 30, 0);
    // 0.299*200 + 0.587*10 + 0.114*30 = 69.09 -> 69; 0.587*255 = 149.685 -> 150
    assertThat(ImageFiles.read(f, ColorMode.GREY).pixels()).containsExactly(69, 150);
  }

  @Test
  void listsOnlyImagesSortedAndRejectsEmptyOrMissingFolders() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "x");
    assertThatThrownBy(() -> ImageFiles.list(dir)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ImageFiles.list(dir.resolve("nope")))
        .isInstanceOf(InvalidInputException.class);
    ImageFiles.writePng(Image.of(1, 1, 1, new float[] {1}), dir.resolve("b.PNG"));
    ImageFiles.writePng(Image.of(1, 1, 1, new float[] {1}), dir.resolve("a.png"));
    assertThat(ImageFiles.list(dir)).extracting(p -> p.getFileName().toString())
        .containsExactly("a.png", "b.PNG");
  }

  @Test
  void aNonImageFileIsAClearError() throws Exception {
    Path f = dir.resolve("fake.png");
    Files.writeString(f, "not an image");
    assertThatThrownBy(() -> ImageFiles.read(f, ColorMode.GREY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fake.png");
  }
}
