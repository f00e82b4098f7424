package io.qprune.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ConfigNumbersTest {
  /** 2^53 + 1: the first whole number a double cannot hold (it rounds to 2^53). */
  static final long PAST_DOUBLE = 9_007_199_254_740_993L;

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
}
