package io.qprune.bench.solvers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TtsTest {
  @Test
  void followsTheFormulaAndNamesTheEdgeCases() {
    // p = 1/2: ln(0.01)/ln(0.5) = 6.6439 runs
    assertThat(Tts.tts99(2.0, 5, 10)).isCloseTo(2.0 * Math.log(0.01) / Math.log(0.5), within(1e-12));
    assertThat(Tts.tts99(2.0, 10, 10)).isEqualTo(2.0);
    assertThat(Tts.tts99(2.0, 0, 10)).isInfinite();
    assertThat(Tts.tts99(2.0, 0, 0)).isNaN();
    assertThat(Tts.text(2.0, 0, 4)).isEqualTo("∞ (p = 0)");
    assertThat(Tts.text(2.0, 4, 4)).isEqualTo("2 (p = 1)");
    assertThat(Tts.text(1.0, 1, 4)).isEqualTo("16.008");
  }
}
