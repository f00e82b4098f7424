package io.qprune.bench.solvers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.SolveInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceTimeTest {
  private static SolveInfo info(String key, Map<String, Object> value) {
    return new SolveInfo("x", 1, 1, Map.of(key, value));
  }

  @Test
  void readsEachRemoteAdaptersTimingInSeconds() {
    assertThat(ServiceTime.seconds(info("service_info", Map.of("run_time", 1_500_000, "charge_time", 9))))
        .isCloseTo(1.5, within(1e-12));
    assertThat(ServiceTime.seconds(info("timing_us", Map.of("qpu_access_time", 15000)))).isCloseTo(0.015, within(1e-12));
    assertThat(ServiceTime.seconds(info("timing_ms", Map.of("solve_time", 11027.0, "total_elapsed_time", 11062.0))))
        .isCloseTo(11.062, within(1e-9));
    assertThat(ServiceTime.seconds(info("service_info", Map.of("run_time", "2500")))).isCloseTo(0.0025, within(1e-12));
  }

  @Test
  void nullWhenTheInfoCarriesNoTiming() {
    assertThat(ServiceTime.seconds(new SolveInfo("sa", 1, 1, Map.of("sweeps_per_second", 5.0)))).isNull();
    assertThat(ServiceTime.seconds(info("service_info", Map.of("problem_id", "abc")))).isNull();
    assertThat(ServiceTime.seconds(info("service_info", Map.of("run_time", "soon")))).isNull();
  }
}
