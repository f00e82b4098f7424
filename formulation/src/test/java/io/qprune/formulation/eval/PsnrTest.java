package io.qprune.formulation.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.Image;
import org.junit.jupiter.api.Test;

class PsnrTest {
  @Test
  void oneDifferingPixelByHand() {
    Image a = Image.of(1, 2, 2, new float[] {0, 0, 0, 0});
    Image b = Image.of(1, 2, 2, new float[] {0, 0, 0, 10});
    // MSE = 100 / 4 = 25; PSNR = 10 log10(65025 / 25) = 10 log10(2601) = 34.1514 dB
    assertThat(Psnr.of(a, b)).isCloseTo(34.1514, within(1e-4));
  }

  @Test
  void averagesOverChannels() {
    Image a = Image.of(3, 1, 1, new float[] {10, 20, 30});
    Image b = Image.of(3, 1, 1, new float[] {13, 16, 30});
    // MSE = (9 + 16 + 0) / 3 = 8.3333; PSNR = 10 log10(65025 / 8.3333) = 10 log10(7803) = 38.9226 dB
    assertThat(Psnr.of(a, b)).isCloseTo(38.9226, within(1e-4));
  }

  @Test
  void identicalImagesGetTheCapNotInfinity() {
    Image a = Image.of(1, 1, 2, new float[] {5, 6});
    assertThat(Psnr.of(a, a)).isEqualTo(Psnr.IDENTICAL);
  }

  @Test
  void shapeMismatchIsAnError() {
    Image a = Image.of(1, 1, 2, new float[] {5, 6});
    Image b = Image.of(1, 2, 1, new float[] {5, 6});
    assertThatThrownBy(() -> Psnr.of(a, b)).isInstanceOf(InvalidInputException.class);
  }
}
