package io.qprune.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Wilcoxon numbers checked against values worked out by hand. */
class WilcoxonTest {
  @Test
  void allPositiveSmallSampleIsExact() {
    // ranks 1..6 all positive: W+ = 21, W- = 0; exact two-sided p = 2 * P(W >= 21) = 2 / 2^6
    WilcoxonResult r = Wilcoxon.test(new double[] {1, 2, 3, 4, 5, 6});
    assertThat(r.n()).isEqualTo(6);
    assertThat(r.w()).isEqualTo(21);
    assertThat(r.wPlus()).isEqualTo(21);
    assertThat(r.wMinus()).isZero();
    assertThat(r.p()).isCloseTo(0.03125, within(1e-12));
    assertThat(r.method()).isEqualTo("exact");
    assertThat(r.rankBiserial()).isEqualTo(1.0);
    assertThat(r.medianDifference()).isEqualTo(3.5);
    assertThat(r.verdict("A", "B")).isEqualTo("A better than B");
    assertThat(Wilcoxon.test(new double[] {-1, -2, -3, -4, -5, -6}).verdict("A", "B")).isEqualTo("B better than A");
  }

  @Test
  void mixedSignsExact() {
    // ranks 1,2,3,4 with rank 2 negative: W+ = 8, W- = 2; of the 16 sign patterns 3 have a rank sum >= 8
    WilcoxonResult r = Wilcoxon.test(new double[] {1, -2, 3, 4});
    assertThat(r.w()).isEqualTo(8);
    assertThat(r.wMinus()).isEqualTo(2);
    assertThat(r.p()).isCloseTo(2 * 3 / 16.0, within(1e-12));
    assertThat(r.rankBiserial()).isCloseTo(0.6, within(1e-12));
    assertThat(r.medianDifference()).isEqualTo(2.0);
    assertThat(r.verdict("A", "B")).isEqualTo("no significant difference");
  }

  @Test
  void zerosAreDroppedAndTiesUseTheNormalApproximation() {
    // non-zero: 1, -1, 2, 2, 3; |d| ranks 1.5, 1.5, 3.5, 3.5, 5: W+ = 13.5, W- = 1.5.
    // z = (1.5 - 15/2 - 0.5) / sqrt(7.5 * 11 / 6) = -1.752920, p = 2 * Phi(z) = 0.0796158
    WilcoxonResult r = Wilcoxon.test(new double[] {0, 0, 1, -1, 2, 2, 3});
    assertThat(r.pairs()).isEqualTo(7);
    assertThat(r.n()).isEqualTo(5);
    assertThat(r.wPlus()).isEqualTo(13.5);
    assertThat(r.wMinus()).isEqualTo(1.5);
    assertThat(r.w()).isEqualTo(13.5);
    assertThat(r.method()).isEqualTo("normal approx. (ties)");
    assertThat(r.p()).isCloseTo(0.0796158, within(1e-6));
    assertThat(r.rankBiserial()).isCloseTo(0.8, within(1e-12));
    assertThat(r.medianDifference()).isEqualTo(1.0); // over all 7 pairs, zeros included
    assertThat(r.verdict("A", "B")).isEqualTo("no significant difference");
  }

  @Test
  void significantButMedianZeroIsNoVerdict() {
    // seven ties at zero and 1..6: the test on the six non-zero differences gives p = 1/32, yet the median is 0
    WilcoxonResult r = Wilcoxon.test(new double[] {0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6});
    assertThat(r.p()).isCloseTo(0.03125, within(1e-12));
    assertThat(r.medianDifference()).isZero();
    assertThat(r.verdict("A", "B")).isEqualTo("no significant difference");
  }

  @Test
  void allZeroIsNoTest() {
    WilcoxonResult r = Wilcoxon.test(new double[] {0, 0, 0});
    assertThat(r.n()).isZero();
    assertThat(r.p()).isEqualTo(1.0);
    assertThat(r.verdict("A", "B")).isEqualTo("no significant difference");
  }

  @Test
  void largeSamplesUseTheNormalApproximation() {
    // 1..40 all positive: W = 820, E = 410, Var = 410 * 81 / 6; z = (0 - 410 - 0.5) / sqrt(5535) = -5.51765
    WilcoxonResult r = Wilcoxon.test(IntStream.rangeClosed(1, 40).asDoubleStream().toArray());
    assertThat(r.method()).isEqualTo("normal approx.");
    assertThat(r.w()).isEqualTo(820);
    assertThat(r.p()).isCloseTo(3.43558e-8, within(1e-12));
  }
}
