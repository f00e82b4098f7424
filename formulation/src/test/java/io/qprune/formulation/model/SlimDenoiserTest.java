package io.qprune.formulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported slim model, saved and loaded, computes what the masked network computes. */
class SlimDenoiserTest {
  static {
    Torch.configure(1);
  }

  @TempDir Path dir;

  private static Mask without(Denoiser m, Mask mask, String name) {
    for (Layer layer : m.layers()) {
      if (layer.name().equals(name)) {
        for (int j = 0; j < layer.units(); j++) {
          mask = mask.with(layer.firstUnit() + j, false);
        }
      }
    }
    return mask;
  }

  /** Random (~40 % pruned), structured (first half of every layer), and with a whole layer pruned. */
  private static Map<String, Mask> masks(Denoiser m, String fullyPruned) {
    int n = m.units().size();
    SplittableRandom r = new SplittableRandom(9);
    boolean[] random = new boolean[n];
    boolean[] structured = new boolean[n];
    for (int i = 0; i < n; i++) {
      random[i] = r.nextDouble() >= 0.4;
    }
    for (Layer layer : m.layers()) {
      for (int j = 0; j < (layer.units() + 1) / 2; j++) {
        structured[layer.firstUnit() + j] = true;
      }
    }
    Map<String, Mask> out = new LinkedHashMap<>();
    out.put("random", Mask.of(random));
    out.put("structured", Mask.of(structured));
    out.put(fullyPruned + " pruned", without(m, Mask.of(random), fullyPruned));
    return out;
  }

  /** Largest |slim − masked| relative to the largest |masked|. */
  private static double relativeDifference(Denoiser m, Mask mask, SlimDenoiser slim, Shape shape) {
    try (NDManager sub = m.manager().newSubManager(); NDManager own = slim.manager().newSubManager()) {
      float[] pixels = ModelTestSupport.randomPixels((int) shape.size(), 4);
      float[] masked = m.denoise(sub.create(pixels, shape), m.maskArrays(mask, sub), false, null).toFloatArray();
      float[] cut = slim.denoise(own.create(pixels, shape), own).toFloatArray();
      assertThat(cut).hasSameSizeAs(masked);
      double diff = 0;
      double scale = 0;
      for (int i = 0; i < masked.length; i++) {
        diff = Math.max(diff, Math.abs(cut[i] - masked[i]));
        scale = Math.max(scale, Math.abs(masked[i]));
      }
      return diff / scale;
    }
  }

  @Test
  void exportedHalfUNetAndDnCnnReloadAndMatchTheMaskedNetwork() throws IOException {
    Path full = dir.resolve("full.qpm");
    for (Denoiser model : List.of(ModelTestSupport.halfUNet(8, 3), ModelTestSupport.dncnn(6, 4))) {
      try (Denoiser m = model) {
        ModelTestSupport.randomizeNormsAndBiases(m, 21);
        ModelFile.save(m, full);
        boolean unet = m.spec().architecture() == Architecture.HALF_UNET;
        for (var e : masks(m, unet ? "enc2b" : "conv2").entrySet()) {
          Path file = dir.resolve(e.getKey().replace(' ', '-') + m.spec().architecture() + ".qpm");
          try (SlimDenoiser cut = SlimDenoiser.of(m, e.getValue())) {
            SlimModelFile.save(cut, file);
          }
          assertThat(SlimModelFile.isSlim(file)).isTrue();
          assertThat(Files.size(file)).as(e.getKey()).isLessThan(Files.size(full));
          try (SlimDenoiser slim = SlimModelFile.load(file)) {
            String what = m.spec().architecture() + ", " + e.getKey();
            assertThat(slim.spec()).isEqualTo(m.spec());
            assertThat(slim.keptUnits()).as(what).containsExactlyElementsOf(m.network().keptUnits(e.getValue()));
            assertThat(relativeDifference(m, e.getValue(), slim, new Shape(2, 1, 16, 24))).as(what).isLessThan(1e-4);
            assertThat(slim.params()).as(what).isLessThan(m.fullCost().params());
            if (!e.getKey().endsWith("pruned")) { // a fully pruned layer's successor also convolves a zero map
              assertThat(slim.flopsPerPixel()).as(what).isEqualTo(m.cost(e.getValue()).flopsPerPixel());
            }
          }
        }
      }
    }
  }

  @Test
  void theHeaderRecordsWidthsAndTheFusedMapPositions() {
    try (Denoiser m = ModelTestSupport.halfUNet(8, 3)) {
      int n = m.units().size();
      boolean[] keep = new boolean[n];
      Arrays.fill(keep, true);
      Mask mask = Mask.of(keep);
      // level 1 keeps units 0 and 2 of 4, level 2 unit 3, level 3 nothing
      for (int j = 0; j < 4; j++) {
        mask = mask.with(4 + j, j == 0 || j == 2).with(12 + j, j == 3).with(20 + j, false);
      }
      try (SlimDenoiser slim = SlimDenoiser.of(m, mask)) {
        assertThat(slim.widths()).containsExactly(4, 2, 4, 1, 4, 0, 4, 4);
        assertThat(slim.fusedUnits()).containsExactly(0, 2, 3);
        assertThat(slim.fusedPositions()).containsExactly(new int[] {0, 1}, new int[] {2}, new int[] {});
      }
    }
  }

  @Test
  void badMasksAndBadFilesAreClearErrors() throws IOException {
    try (Denoiser m = ModelTestSupport.dncnn(4, 3)) {
      assertThatThrownBy(() -> SlimDenoiser.of(m, Mask.of(new boolean[m.units().size()])))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("Keep at least one");
      assertThatThrownBy(() -> SlimDenoiser.of(m, Mask.all(m.units().size() + 1)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("units");
      Path file = dir.resolve("slim.qpm");
      try (SlimDenoiser slim = SlimDenoiser.of(m, Mask.all(m.units().size()).with(0, false))) {
        SlimModelFile.save(slim, file);
      }
      byte[] bytes = Files.readAllBytes(file);
      Path truncated = dir.resolve("truncated.qpm");
      Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 10));
      assertThatThrownBy(() -> SlimModelFile.load(truncated))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("ends before");
      Path regular = dir.resolve("regular.qpm");
      ModelFile.save(m, regular);
      assertThat(SlimModelFile.isSlim(regular)).isFalse();
      assertThatThrownBy(() -> SlimModelFile.load(regular))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a qprune slim model file");
      assertThatThrownBy(() -> SlimModelFile.load(dir.resolve("missing.qpm")))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
    }
  }
}
