package io.qprune.formulation.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.Image;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsimTest {
  private static final double C1 = 6.5025; // (0.01 * 255)^2
  private static final double C2 = 58.5225; // (0.03 * 255)^2

  private static Image constant(int h, int w, float v) {
    float[] px = new float[h * w];
    Arrays.fill(px, v);
    return Image.of(1, h, w, px);
  }

  @Test
  void identicalImagesScoreOne() {
    Random r = new Random(3);
    float[] px = new float[20 * 17];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextInt(256);
    }
    Image a = Image.of(1, 20, 17, px);
    assertThat(Ssim.of(a, a)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void constantImagesGiveTheLuminanceTermByHand() {
    // sigma = cov = 0, so SSIM = (2*100*110 + C1) / (100^2 + 110^2 + C1) * (C2 / C2)
    double expected = (2 * 100 * 110 + C1) / (100 * 100 + 110 * 110 + C1);
    assertThat(expected).isCloseTo(0.9954764, within(1e-7));
    assertThat(Ssim.of(constant(11, 11, 100), constant(11, 11, 110)))
        .isCloseTo(expected, within(1e-9));
    assertThat(Ssim.of(constant(14, 12, 100), constant(14, 12, 110)))
        .isCloseTo(expected, within(1e-9));
  }

  @Test
  void impulseAgainstZeroByHand() {
    // One 11x11 window; the centre weight is w = 1 / (sum_k exp(-k^2 / 4.5))^2 over k = -5..5
    // = 1 / 3.7592328^2 = 0.0707622. With an impulse of height 100 at the centre vs all zeros:
    // mu_a = 100 w = 7.07622, var_a = 100^2 w - mu_a^2 = 707.622 - 50.073 = 657.549,
    // mu_b = var_b = cov = 0, so SSIM = C1 / (mu_a^2 + C1) * C2 / (var_a + C2)
    //      = 6.5025 / 56.5755 * 58.5225 / 716.0719 = 0.114935 * 0.081727 = 0.0093933.
    float[] px = new float[121];
    px[60] = 100;
    Image impulse = Image.of(1, 11, 11, px);
    assertThat(Ssim.of(impulse, constant(11, 11, 0))).isCloseTo(0.0093933, within(1e-6));
  }

  @Test
  void rgbIsTheMeanOfItsChannels() {
    float[] a = new float[3 * 121];
    float[] b = new float[3 * 121];
    Arrays.fill(a, 0, 121, 100);
    Arrays.fill(b, 0, 121, 110);
    Arrays.fill(a, 121, 363, 50);
    Arrays.fill(b, 121, 363, 50);
    double lum = (2 * 100 * 110 + C1) / (100 * 100 + 110 * 110 + C1);
    assertThat(Ssim.of(Image.of(3, 11, 11, a), Image.of(3, 11, 11, b)))
        .isCloseTo((lum + 1 + 1) / 3, within(1e-9));
  }

  @Test
  void tooSmallImagesAreAnError() {
    assertThatThrownBy(() -> Ssim.of(constant(10, 20, 1), constant(10, 20, 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("11x11");
  }
}
