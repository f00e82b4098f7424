package io.qprune.formulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.classify.LabelledImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassifierTest {
  static LabelledImages noise(int n, int classes, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] px = new byte[n * 784];
    byte[] y = new byte[n];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) r.nextInt(256);
    }
    for (int i = 0; i < n; i++) {
      y[i] = (byte) (i % classes);
    }
    return new LabelledImages(n, 1, 28, 28, px, y, classes, "noise");
  }

  static List<float[]> ones(Classifier c) {
    List<float[]> out = new ArrayList<>();
    for (WeightLayer l : c.weightLayers()) {
      float[] v = new float[l.size()];
      Arrays.fill(v, 1f);
      out.add(v);
    }
    return out;
  }

  @Test
  void resnet20HasTheExpectedPrunableWeights() {
    try (Classifier c = Classifier.create(ResNetSpec.resnet20FashionMnist(), 1, new float[] {0.3f},
        new float[] {0.3f})) {
      List<WeightLayer> l = c.weightLayers();
      assertThat(l).hasSize(20);
      assertThat(l.get(0).name()).isEqualTo("stem");
      assertThat(l.get(19).name()).isEqualTo("fc");
      // stem 16*9, stage 1: 6 * 16*16*9, stage 2: 16*32*9 + 5 * 32*32*9, stage 3: 32*64*9 + 5 * 64*64*9, fc 64*10
      assertThat(c.prunableWeights()).isEqualTo(144 + 13_824 + 50_688 + 202_752 + 640);
      assertThat(l.get(8).offset()).isEqualTo(l.get(7).offset() + l.get(7).size());
    }
  }

  @Test
  void foldedMaskedLogitsMatchTheTrainingGraphAndMasksMatter() {
    ResNetSpec spec = new ResNetSpec(8, 4, 1, 28, 10);
    try (Classifier c = Classifier.create(spec, 3, new float[] {0.5f}, new float[] {0.25f});
        NDManager m = c.manager().newSubManager()) {
      LabelledImages d = noise(6, 10, 1);
      // one training-mode pass moves the running statistics away from their initial 0 / 1
      c.logits(c.inputs(d, 0, 6, m), true);
      NDArray x = c.inputs(d, 0, 6, m);
      float[] plain = c.logits(x, false).toFloatArray();
      float[] folded = c.logitsMasked(x, ones(c), m).toFloatArray();
      float[] none = c.logitsMasked(x, null, m).toFloatArray();
      for (int i = 0; i < plain.length; i++) {
        assertThat(folded[i]).isCloseTo(plain[i], org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(none[i]).isCloseTo(plain[i], org.assertj.core.data.Offset.offset(1e-4f));
      }
      List<float[]> masks = ones(c);
      Arrays.fill(masks.get(masks.size() - 1), 0f); // no classifier weights: logits = bias for every image
      float[] biasOnly = c.logitsMasked(x, masks, m).toFloatArray();
      for (int i = 0; i < 10; i++) {
        assertThat(biasOnly[10 + i]).isEqualTo(biasOnly[i]);
      }
      assertThat(biasOnly).isNotEqualTo(plain);
      List<float[]> wrong = ones(c);
      wrong.set(2, new float[3]);
      assertThatThrownBy(() -> c.logitsMasked(x, wrong, m)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("s1b1.conv2");
    }
  }

  @Test
  void fileRoundTripKeepsWeightsNormalisationAndInfo() throws Exception {
    ResNetSpec spec = new ResNetSpec(8, 4, 1, 28, 10);
    try (Classifier c = Classifier.create(spec, 5, new float[] {0.2f}, new float[] {0.4f})) {
      c.putInfo("testAccuracy", "0.5");
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      ClassifierFile.write(c, b);
      try (Classifier back = ClassifierFile.read(new ByteArrayInputStream(b.toByteArray()), "mem")) {
        assertThat(back.spec()).isEqualTo(spec);
        assertThat(back.mean()).containsExactly(0.2f);
        assertThat(back.std()).containsExactly(0.4f);
        assertThat(back.info()).containsEntry("testAccuracy", "0.5");
        for (int i = 0; i < c.weightLayers().size(); i++) {
          assertThat(back.weights(i)).containsExactly(c.weights(i));
        }
        LabelledImages d = noise(20, 10, 2);
        assertThat(back.accuracy(d, null, 7)).isEqualTo(c.accuracy(d, null, 20));
      }
    }
    assertThatThrownBy(() -> ClassifierFile.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), "junk"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("junk is not a qprune classifier");
  }

  @Test
  void fisherSaliencyIsHalfWSquaredTimesMeanSquaredBatchGradientAndRepeatable() {
    try (Classifier c = Classifier.create(new ResNetSpec(8, 4, 1, 28, 10), 3, new float[] {0.5f},
        new float[] {0.25f})) {
      LabelledImages d = noise(12, 10, 4);
      List<float[]> a = c.fisherSaliency(d, 4, 3);
      List<float[]> b = c.fisherSaliency(d, 4, 3); // gradients are cleared in between
      assertThat(a).hasSize(c.weightLayers().size());
      double total = 0;
      for (int l = 0; l < a.size(); l++) {
        assertThat(a.get(l)).hasSize(c.weightLayers().get(l).size()).containsExactly(b.get(l));
        for (float v : a.get(l)) {
          assertThat(v).isGreaterThanOrEqualTo(0f);
          total += v;
        }
      }
      assertThat(total).isPositive();
      // one batch by hand for the classifier's weights: ½ w² g²
      List<float[]> one = c.fisherSaliency(d, 12, 1);
      float[] w = c.weights(c.weightLayers().size() - 1);
      float[] s = one.get(one.size() - 1);
      int nonzero = 0;
      for (int i = 0; i < w.length; i++) {
        if (w[i] != 0) {
          double g2 = 2 * s[i] / (w[i] * w[i]);
          assertThat(g2).isGreaterThanOrEqualTo(0);
          nonzero += g2 > 0 ? 1 : 0;
        }
      }
      assertThat(nonzero).isPositive();
    }
  }

  @Test
  void multiplyWeightsZeroesThePrunedOnes() {
    try (Classifier c = Classifier.create(new ResNetSpec(8, 4, 1, 28, 10), 3, new float[] {0.5f},
        new float[] {0.25f})) {
      List<float[]> m = ones(c);
      m.get(1)[5] = 0f;
      float[] before = c.weights(1);
      c.multiplyWeights(m);
      float[] after = c.weights(1);
      assertThat(after[5]).isZero();
      assertThat(after[4]).isEqualTo(before[4]);
    }
  }

  @Test
  void theShippedResNet20LoadsWithItsTrainingRecord() {
    try (Classifier c = ClassifierFile.loadDefault()) {
      assertThat(c.spec()).isEqualTo(ResNetSpec.resnet20FashionMnist());
      assertThat(Double.parseDouble(c.info().get("testAccuracy"))).isGreaterThan(0.9);
      assertThat(c.info()).containsEntry("dataset", "fashion-mnist");
    }
  }

  @Test
  void inputsOfTheWrongShapeAreRefused() {
    try (Classifier c = Classifier.create(new ResNetSpec(8, 4, 3, 32, 10), 1, new float[] {0, 0, 0},
        new float[] {1, 1, 1}); NDManager m = c.manager().newSubManager()) {
      assertThatThrownBy(() -> c.inputs(noise(2, 10, 1), 0, 2, m)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("1 x 28 x 28").hasMessageContaining("3 x 32 x 32");
    }
  }
}
