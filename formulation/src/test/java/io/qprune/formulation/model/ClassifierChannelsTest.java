package io.qprune.formulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.classify.LabelledImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Filter pruning of a ResNet: channel layers, the cut network against the masked one, mask gradients. */
class ClassifierChannelsTest {
  static {
    Torch.configure(1);
  }

  private static Classifier trainedLooking(ResNetSpec spec, LabelledImages d) {
    Classifier c = Classifier.create(spec, 3, new float[] {0.5f}, new float[] {0.25f});
    try (NDManager m = c.manager().newSubManager()) {
      c.logits(c.inputs(d, 0, d.count(), m), true); // running statistics move off 0 / 1
    }
    return c;
  }

  /** Random masks of varying density; one with a whole inner layer pruned, one with a whole stream. */
  static List<Mask> masks(Classifier c, int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Mask> out = new ArrayList<>();
    int n = c.channelUnits();
    for (int t = 0; t < count; t++) {
      double p = 0.1 + 0.85 * r.nextDouble();
      boolean[] keep = new boolean[n];
      for (int i = 0; i < n; i++) {
        keep[i] = r.nextDouble() < p;
      }
      out.add(Mask.of(keep));
    }
    Mask innerGone = out.get(0);
    Mask streamGone = out.get(1);
    for (Layer l : c.channelLayers()) {
      for (int j = 0; j < l.units(); j++) {
        if (l.name().equals("s2b1.conv1")) {
          innerGone = innerGone.with(l.firstUnit() + j, false);
        }
        if (l.name().equals("stage1")) {
          streamGone = streamGone.with(l.firstUnit() + j, false);
        }
      }
    }
    out.add(innerGone);
    out.add(streamGone);
    return out;
  }

  @Test
  void resnet20HasItsChannelLayersInOrder() {
    try (Classifier c = Classifier.create(ResNetSpec.resnet20FashionMnist(), 1, new float[] {0.3f},
        new float[] {0.3f})) {
      List<Layer> l = c.channelLayers();
      assertThat(l).hasSize(12);
      assertThat(l.get(0).name()).isEqualTo("stage1");
      assertThat(l.get(1).name()).isEqualTo("s1b1.conv1");
      assertThat(l.get(4).name()).isEqualTo("stage2");
      assertThat(l.get(11).name()).isEqualTo("s3b3.conv1");
      assertThat(c.channelUnits()).isEqualTo(4 * 16 + 4 * 32 + 4 * 64);
      assertThat(c.producers(0)).containsExactly(0, 2, 4, 6);
      assertThat(c.producers(4)).containsExactly(8, 10, 12);
      assertThat(c.producers(5)).containsExactly(7);
      assertThat(c.weightLayers().get(7).name()).isEqualTo("s2b1.conv1");
      try (SlimResNet all = c.cut(Mask.all(c.channelUnits()))) {
        // stem 9*16*784, stage 1: 6 * 9*16*16*784, stage 2: 9*16*32*196 + 5 * 9*32*32*196,
        // stage 3: 9*32*64*49 + 5 * 9*64*64*49, fc 640
        assertThat(all.macs()).isEqualTo(112_896L + 10_838_016 + 903_168 + 9_031_680 + 903_168 + 9_031_680 + 640);
      }
      assertThatThrownBy(() -> c.setChannelMask(Mask.all(3))).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("has 448");
    }
  }

  @Test
  void theCutNetworkComputesWhatTheMaskedOneComputes() {
    LabelledImages d = ClassifierTest.noise(5, 10, 3);
    try (Classifier c = trainedLooking(new ResNetSpec(8, 4, 1, 28, 10), d)) {
      for (Mask mask : masks(c, 6, 5)) {
        c.setChannelMask(mask);
        try (NDManager m = c.manager().newSubManager(); SlimResNet slim = c.cut(mask)) {
          NDArray x = c.inputs(d, 0, 5, m);
          float[] masked = c.logits(x, false).toFloatArray();
          float[] folded = c.logitsMasked(x, null, m).toFloatArray();
          float[] cut = slim.logits(x, m).toFloatArray();
          for (int i = 0; i < masked.length; i++) {
            assertThat(cut[i]).as("mask %s logit %d", mask, i).isCloseTo(masked[i], within(2e-4f));
            assertThat(folded[i]).isCloseTo(masked[i], within(2e-4f));
          }
          assertThat(c.accuracy(slim, d, 2)).isEqualTo(c.accuracy(d, null, 5));
        }
      }
      c.setChannelMask(Mask.all(c.channelUnits()));
      try (NDManager m = c.manager().newSubManager()) {
        float[] plain = c.logits(c.inputs(d, 0, 5, m), false).toFloatArray();
        c.setChannelMask(masks(c, 2, 1).get(0));
        assertThat(c.logits(c.inputs(d, 0, 5, m), false).toFloatArray()).isNotEqualTo(plain);
      }
    }
  }

  /** The loss of image {@code i} with unit {@code unit}'s mask at {@code value}, the others 1. */
  private static double loss(Classifier c, LabelledImages d, int i, int unit, double value) {
    try (NDManager sub = c.manager().newSubManager()) {
      List<NDArray> masks = new ArrayList<>();
      for (Layer l : c.channelLayers()) {
        float[] v = ResNet.ones(l.units());
        if (unit >= l.firstUnit() && unit < l.firstUnit() + l.units()) {
          v[unit - l.firstUnit()] = (float) value;
        }
        masks.add(sub.create(v, new Shape(1, l.units(), 1, 1)));
      }
      NDArray logp = c.net().logits(c.inputs(d, i, i + 1, sub), false, masks, null).logSoftmax(1);
      return -logp.toFloatArray()[d.label(i)];
    }
  }

  @Test
  void maskGradientsMatchFiniteDifferencesAndActivationsCoverEveryPlace() {
    LabelledImages d = ClassifierTest.noise(3, 10, 7);
    try (Classifier c = trainedLooking(new ResNetSpec(8, 4, 1, 28, 10), d)) {
      Calibration cal = ClassifierGradients.compute(c, d, 0, 3, ClassifierGradients.pooledSide(c.spec()));
      assertThat(cal.units()).isEqualTo(c.channelUnits()).isEqualTo(4 * 2 + 8 * 2 + 16 * 2);
      assertThat(cal.samples()).isEqualTo(3);
      // stage1 unit 1 (stem + one block), s1b1.conv1 unit 2, stage2 unit 6 (zero-padded channel), stage3 unit 0
      for (int unit : new int[] {1, 6, 8 + 6, 24}) {
        for (int s = 0; s < 3; s++) {
          double eps = 0.002;
          double fd = (loss(c, d, s, unit, 1 + eps) - loss(c, d, s, unit, 1 - eps)) / (2 * eps);
          assertThat(cal.gradient(unit, s)).as("unit %d image %d", unit, s)
              .isCloseTo(fd, within(0.05 * Math.abs(fd) + 2e-5));
        }
      }
      assertThat(ClassifierGradients.pooledSide(c.spec())).isEqualTo(7);
      assertThat(cal.activations(0)).hasSize(3 * 2 * 49); // stem and the block's addition
      assertThat(cal.activations(4)).hasSize(3 * 49);
      // the weights are trainable again afterwards
      c.network().getParameters().forEach(p -> {
        if (p.getValue().requiresGradient()) {
          assertThat(p.getValue().getArray().hasGradient()).isTrue();
        }
      });
    }
  }

  @Test
  void bnRecalibrationUnderTheMaskMovesOnlyRunningStatistics() {
    LabelledImages d = ClassifierTest.noise(8, 10, 9);
    try (Classifier c = Classifier.create(new ResNetSpec(8, 4, 1, 28, 10), 3, new float[] {0.5f},
        new float[] {0.25f})) {
      c.setChannelMask(Mask.all(c.channelUnits()).with(1, false).with(5, false)); // every layer still fed
      java.util.Map<String, float[]> before = new java.util.HashMap<>();
      c.network().getParameters().forEach(p -> before.put(p.getKey(), p.getValue().getArray().toFloatArray()));
      io.qprune.formulation.train.BnRecalibration.run(c, d, 2, 4, 1);
      c.network().getParameters().forEach(p -> {
        float[] now = p.getValue().getArray().toFloatArray();
        if (p.getKey().contains("running")) {
          assertThat(now).as(p.getKey()).isNotEqualTo(before.get(p.getKey()));
        } else {
          assertThat(now).as(p.getKey()).isEqualTo(before.get(p.getKey()));
        }
      });
    }
  }
}
