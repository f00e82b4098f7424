package io.qprune.formulation.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShippedPhotosTest {
  @Test
  void theSplitIsByPhotoAndFixed() {
    List<ShippedPhotos.Entry> entries = ShippedPhotos.entries();
    assertThat(entries).hasSize(29);
    Set<String> files = new HashSet<>();
    entries.forEach(e -> assertThat(files.add(e.file())).as("listed once: %s", e.file()).isTrue());
    assertThat(entries.stream().filter(e -> e.split() == Split.TRAIN)).hasSize(17);
    assertThat(entries.stream().filter(e -> e.split() == Split.VAL)).hasSize(6);
    assertThat(entries.stream().filter(e -> e.split() == Split.TEST)).hasSize(6);
    assertThat(entries).allSatisfy(e -> assertThat(e.licence()).isNotBlank());
  }

  @Test
  void testPhotosLoadAsGreyOrRgb() {
    List<Photo> grey = ShippedPhotos.load(Split.TEST, ColorMode.GREY);
    assertThat(grey).hasSize(6).allSatisfy(p -> assertThat(p.image().channels()).isEqualTo(1));
    assertThat(grey.get(0).name()).isEqualTo("palapeli/cincinnati-bridge.jpg");
    assertThat(grey.get(0).image().width()).isEqualTo(1302);
    assertThat(ShippedPhotos.load(Split.TEST, ColorMode.RGB).get(0).image().channels()).isEqualTo(3);
  }

  @Test
  void fixedCropsAreReproducibleAndCoverEveryValPhoto() {
    List<Photo> val = ShippedPhotos.load(Split.VAL, ColorMode.GREY);
    List<NoisyPair> a = FixedCrops.of(val, 16, 128, new GaussianNoise(25), 1);
    List<NoisyPair> b = FixedCrops.of(val, 16, 128, new GaussianNoise(25), 1);
    assertThat(a).hasSize(16); // 3 from each of the first 4 photos, 2 from the last 2
    assertThat(FixedCrops.of(val, 7, 128, new GaussianNoise(25), 1)).hasSize(7);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).name()).isEqualTo(b.get(i).name());
      assertThat(a.get(i).noisy()).isEqualTo(b.get(i).noisy());
      assertThat(a.get(i).clean().height()).isEqualTo(128);
    }
  }
}
