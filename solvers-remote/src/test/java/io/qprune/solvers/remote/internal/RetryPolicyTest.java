package io.qprune.solvers.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  final RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), 0.5);

  @Test
  void backoffDoublesIsCappedAndJitteredDownwards() {
    assertThat(p.delay(0, null, () -> 0.0)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.delay(1, null, () -> 0.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.delay(3, null, () -> 0.0)).isEqualTo(Duration.ofMillis(800));
    assertThat(p.delay(4, null, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.delay(60, null, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.delay(2, null, () -> 1.0)).isEqualTo(Duration.ofMillis(200)); // jitter 0.5 halves at most
    assertThat(p.delay(2, null, () -> 0.5)).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void retryAfterReplacesTheComputedWait() {
    assertThat(p.delay(3, Duration.ofSeconds(7), () -> 0.3)).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    assertThat(HttpCaller.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(HttpCaller.retryAfter(" 0.5 ")).isEqualTo(Duration.ofMillis(500));
    String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));
    assertThat(HttpCaller.retryAfter(inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    assertThat(HttpCaller.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(HttpCaller.retryAfter("soon")).isNull();
    assertThat(HttpCaller.retryAfter(null)).isNull();
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("backoff_initial");
  }
}
