package io.qprune.formulation.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalEvaluatorTest {
  private static final Duration T = Duration.ofSeconds(20);

  /** The Java {@link FakeEvaluator}: one JVM start, so used once. */
  static String fake() {
    String java = ProcessHandle.current().info().command().orElse("java");
    return "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
        + FakeEvaluator.class.getName();
  }

  /** A shell evaluator: says it is ready (with {@code hello}'s extra fields), then runs {@code then}. */
  static String sh(String hello, String then) {
    return "echo '{\"ready\": true, \"units\": 6" + hello + "}'; " + then;
  }

  @Test
  void answersEachBatchInOrderAndShutsTheProcessDown() {
    ExternalEvaluator ev = ExternalEvaluator.start(fake(), null, T);
    try (ev) {
      assertThat(ev.units()).isEqualTo(6);
      assertThat(ev.metric()).isEqualTo("weight");
      assertThat(ev.maximise()).isTrue();
      assertThat(ev.unitIds()).containsExactly("a:0", "a:1", "a:2", "b:0", "b:1", "b:2");
      assertThat(ev.values(List.of(new int[] {1, 1, 1, 1, 1, 1}, new int[] {1, 0, 0, 0, 0, 1})))
          .containsExactly(21, 7);
      assertThat(ev.evaluate(List.of(new int[] {0, 1, 0, 0, 0, 0}))).isDeepEqualTo(new double[][] {{2}});
      assertThat(ev.values(List.of())).isEmpty();
      ev.requireUnits(List.of("a:0", "a:1", "a:2", "b:0", "b:1", "b:2"), "scores.json");
      assertThatThrownBy(() -> ev.requireUnits(List.of("a:0", "a:1", "a:2", "b:0", "b:1", "c:2"), "scores.json"))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unit 5 is 'c:2' in scores.json but 'b:2'");
      assertThatThrownBy(() -> ev.values(List.of(new int[] {1, 1})))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 flags for an evaluator of 6 units");
    }
    assertThatThrownBy(() -> ev.values(List.of(new int[6]))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aLowerIsBetterMetricIsNegatedAsAScore() {
    try (ExternalEvaluator ev = ExternalEvaluator.start(
        sh(", \"goal\": \"min\"", "read l; echo '{\"id\": 0, \"values\": [3]}'; read l"), null, T)) {
      assertThat(ev.maximise()).isFalse();
      assertThat(ev.scores(List.of(new int[] {0, 0, 1, 0, 0, 0}))).containsExactly(-3);
    }
  }

  @Test
  void aProcessThatDiesIsReportedWithItsStderr() {
    try (ExternalEvaluator ev = ExternalEvaluator.start(
        sh("", "read l; echo boom: cannot load the weights >&2; exit 3"), null, T)) {
      assertThatThrownBy(() -> ev.values(List.of(new int[6])))
          .isInstanceOf(QpruneException.class)
          .hasMessageContaining("ended before the answer to request 0 (exit code 3)")
          .hasMessageContaining("boom: cannot load the weights");
    }
  }

  @Test
  void anErrorLineAndStdoutNoiseAreFailures() {
    try (ExternalEvaluator ev = ExternalEvaluator.start(
        sh("", "read l; echo '{\"id\": 0, \"error\": \"masks[0] keeps nothing\"}'; read l"), null, T)) {
      assertThatThrownBy(() -> ev.values(List.of(new int[6])))
          .hasMessageContaining("rejected request 0: masks[0] keeps nothing");
    }
    try (ExternalEvaluator ev = ExternalEvaluator.start(
        sh("", "read l; echo loading model...; echo oops >&2; read l"), null, T)) {
      assertThatThrownBy(() -> ev.values(List.of(new int[6])))
          .hasMessageContaining("wrote 'loading model...', not JSON").hasMessageContaining("oops");
    }
  }

  @Test
  void aProcessThatDoesNotAnswerInTimeIsStopped() {
    long t0 = System.nanoTime();
    try (ExternalEvaluator ev = ExternalEvaluator.start(
        sh("", "echo hanging >&2; sleep 30"), null, Duration.ofMillis(1500))) {
      assertThatThrownBy(() -> ev.values(List.of(new int[6])))
          .hasMessageContaining("did not send the answer to request 0 within 1 s")
          .hasMessageContaining("hanging");
    }
    assertThatThrownBy(() -> ExternalEvaluator.start("sleep 30", null, Duration.ofMillis(1500)))
        .hasMessageContaining("did not send its ready line");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(15); // stopped, not waited for
  }

  @Test
  void aBadCommandIsAClearError() {
    assertThatThrownBy(() -> ExternalEvaluator.start(" ", null, T))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("command is empty");
    assertThatThrownBy(() -> ExternalEvaluator.start("exit 7", null, T))
        .hasMessageContaining("ended before its ready line (exit code 7)");
  }
}
