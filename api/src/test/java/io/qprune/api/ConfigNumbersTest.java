package io.qprune.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigNumbersTest {
  /** 2^53 + 1: the first whole number a double cannot hold (it rounds to 2^53). */
  static final long PAST_DOUBLE = 9_007_199_254_740_993L;

  @TempDir Path dir;

  @Test
  void wholeNumbersAreExactAndEverythingElseIsNull() {
    assertThat(ConfigNumbers.exactLong(Long.MAX_VALUE, false)).isEqualTo(Long.MAX_VALUE);
    assertThat(ConfigNumbers.exactLong(PAST_DOUBLE, false)).isEqualTo(PAST_DOUBLE);
    assertThat(ConfigNumbers.exactLong(-3, false)).isEqualTo(-3L);
    assertThat(ConfigNumbers.exactLong(BigInteger.valueOf(Long.MIN_VALUE), false)).isEqualTo(Long.MIN_VALUE);
    assertThat(ConfigNumbers.exactLong(BigInteger.ONE.shiftLeft(63), false)).isNull();
    assertThat(ConfigNumbers.exactLong(new BigDecimal("12.000"), false)).isEqualTo(12L);
    assertThat(ConfigNumbers.exactLong(4000.0, false)).isEqualTo(4000L);
    assertThat(ConfigNumbers.exactLong(1.5, false)).isNull();
    assertThat(ConfigNumbers.exactLong((double) PAST_DOUBLE, false)).as("a double this large is not exact").isNull();
    assertThat(ConfigNumbers.exactLong(Double.NaN, false)).isNull();
    assertThat(ConfigNumbers.exactLong("42", false)).isNull();
    assertThat(ConfigNumbers.exactLong(" 9223372036854775807 ", true)).isEqualTo(Long.MAX_VALUE);
    assertThat(ConfigNumbers.exactLong("4e3", true)).isEqualTo(4000L);
    assertThat(ConfigNumbers.exactLong("1.5", true)).isNull();
    assertThat(ConfigNumbers.exactLong("two", true)).isNull();
    assertThat(ConfigNumbers.exactLong(true, true)).isNull();
    assertThat(ConfigNumbers.exactLong(null, true)).isNull();
  }

  @Test
  void aSolverConfigKeeps63BitSeedsExactlyInYamlAndJson() throws Exception {
    for (long seed : new long[] {PAST_DOUBLE, Long.MAX_VALUE, 8_646_911_284_551_352_321L}) {
      Path y = Files.writeString(dir.resolve("s.yaml"), "solver: sa\nseed: " + seed + "\n");
      Path j = Files.writeString(dir.resolve("s.json"), "{\"solver\": \"sa\", \"seed\": " + seed + "}");
      assertThat(SolverConfig.load(y).seed()).isEqualTo(seed);
      assertThat(SolverConfig.load(j).seed()).isEqualTo(seed);
      assertThat(SolverConfig.load(y).request().seed()).isEqualTo(seed);
    }
    Path quoted = Files.writeString(dir.resolve("q.yaml"), "solver: sa\nseed: \"" + PAST_DOUBLE + "\"\n");
    assertThat(SolverConfig.load(quoted).seed()).isEqualTo(PAST_DOUBLE);
  }

  @Test
  void aSeedThatIsNotAWholeNumberIsNamed() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.yaml"), "solver: sa\nseed: 1.5\n");
    assertThatThrownBy(() -> SolverConfig.load(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.yaml").hasMessageContaining("'seed' must be a whole number, got '1.5'");
    Path big = Files.writeString(dir.resolve("big.yaml"), "solver: sa\nseed: 9223372036854775808\n");
    assertThatThrownBy(() -> SolverConfig.load(big)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("big.yaml").hasMessageContaining("9223372036854775808");
  }
}
