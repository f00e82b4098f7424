package io.qprune.formulation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PatchSamplerTest {
  /** Pixel value encodes its position, so a patch tells where it came from. */
  private static Image ramp(int h, int w, int offset) {
    float[] px = new float[h * w];
    for (int i = 0; i < px.length; i++) {
      px[i] = offset + i;
    }
    return Image.of(1, h, w, px);
  }

  @Test
  void batchesAreSeededAndShaped() {
    PatchSampler s = PatchSampler.synthetic(
        List.of(ramp(20, 30, 0), ramp(40, 17, 1000)), new GaussianNoise(5), 16);
    PatchBatch a = s.sample(5, new SplittableRandom(3));
    PatchBatch b = s.sample(5, new SplittableRandom(3));
    assertThat(a.count()).isEqualTo(5);
    assertThat(a.noisy()).hasSize(5 * 16 * 16).containsExactly(b.noisy());
    assertThat(a.clean()).containsExactly(b.clean());
    assertThat(a.noisy()).isNotEqualTo(a.clean());
  }

  @Test
  void cleanPatchesAreRotatedOrFlippedCropsOfTheImages() {
    Image img = ramp(8, 8, 0);
    PatchSampler s = PatchSampler.synthetic(List.of(img), new GaussianNoise(0), 8);
    Set<String> seen = new HashSet<>();
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 60; i++) {
      float[] p = s.sample(1, rng).clean();
      // every value 0..63 appears once: a permutation of the image's pixels
      assertThat(p).containsExactlyInAnyOrder(img.pixels());
      seen.add(java.util.Arrays.toString(p));
    }
    assertThat(seen).hasSize(8); // the eight symmetries of the square
  }

  @Test
  void pairsStayAligned() {
    Image clean = ramp(20, 20, 0);
    float[] n = clean.pixels();
    for (int i = 0; i < n.length; i++) {
      n[i] += 3;
    }
    PatchSampler s = PatchSampler.pairs(
        List.of(new NoisyPair("x", clean, Image.of(1, 20, 20, n))), 16);
    PatchBatch b = s.sample(4, new SplittableRandom(9));
    float[] c = b.clean();
    float[] no = b.noisy();
    for (int i = 0; i < c.length; i++) {
      assertThat(no[i] - c[i]).isEqualTo(3f);
    }
  }

  @Test
  void imagesSmallerThanThePatchAreSkippedAndNoneLeftIsAnError() {
    assertThatThrownBy(() -> PatchSampler.synthetic(List.of(ramp(8, 8, 0)), new GaussianNoise(1), 16))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("patch size");
  }
}
