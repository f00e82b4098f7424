package io.qprune.solvers.remote;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.api.Vartype;
import io.qprune.solvers.remote.testing.LocalAnswers;
import io.qprune.solvers.remote.testing.RawHttpServer;
import io.qprune.solvers.remote.testing.RawHttpServer.Mode;
import io.qprune.solvers.remote.testing.StubServer;
import io.qprune.solvers.remote.testing.Stubs;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every adapter against servers that close connections (HTTP/1.0 one request per connection,
 * {@code Connection: close}, keep-alive closing idle connections) and reset them, through a
 * {@link RawHttpServer} relaying to the simulated services: each solve is right or a typed error,
 * never a duplicate submission, never a hang.
 */
@Timeout(30)
class ClosingServersTest {
  static WireMockServer backend;
  RawHttpServer front;

  /** The four adapters, their submission path and a model each accepts. */
  enum Adapter {
    BQM_HTTP("bqm-http", "/sample", "/sample"),
    DWAVE_HYBRID("dwave-hybrid", "/sapi/", "/sapi/problems/"),
    DWAVE_QPU("dwave-qpu", "/sapi/", "/sapi/problems/"),
    FUJITSU_DA("fujitsu-da", "/da", "/da/v4/async/qubo/solve");

    final String solver;
    final String path;
    final String submit;

    Adapter(String solver, String path, String submit) {
      this.solver = solver;
      this.path = path;
      this.submit = submit;
    }
  }

  @BeforeAll
  static void startBackend() {
    backend = StubServer.start(0);
  }

  @AfterAll
  static void stopBackend() {
    backend.stop();
  }

  @BeforeEach
  void clearJournal() {
    backend.resetRequests();
  }

  @AfterEach
  void stopFront() {
    if (front != null) {
      front.close();
    }
  }

  static Qubo model(Adapter a) {
    if (a == Adapter.DWAVE_QPU) {
      return Qubo.builder(Vartype.SPIN, 4).addLinear(0, 0.5).addLinear(3, -0.25) // a frustrated ring of spins
          .addQuadratic(0, 1, -1).addQuadratic(1, 2, 1).addQuadratic(2, 3, -1).addQuadratic(0, 3, 0.75).build();
    }
    return Qubo.builder(4).addOffset(0.5).addLinear(0, -1).addLinear(1, -1).addLinear(2, 2).addLinear(3, -0.25)
        .addQuadratic(0, 1, 2).addQuadratic(1, 2, -1.5).addQuadratic(2, 3, -1).build();
  }

  Solver solver(Adapter a, Object... extra) {
    Map<String, Object> p = Stubs.fast(front.base() + a.path);
    p.put("max_retries", 2);
    switch (a) {
      case DWAVE_HYBRID -> p.put("poll_wait", 1);
      case DWAVE_QPU -> {
        p.put("solver", "clique_32q_mock");
        p.put("poll_wait", 1);
      }
      case FUJITSU_DA -> {
        p.put("time_limit_sec", 1);
        p.put("poll_interval", 0.02);
      }
      default -> { }
    }
    for (int i = 0; i < extra.length; i += 2) {
      p.put((String) extra[i], extra[i + 1]);
    }
    return Solvers.discover().create(a.solver, p);
  }

  int submissions(Adapter a) {
    return backend.findAll(postRequestedFor(urlPathEqualTo(a.submit))).size();
  }

  static double best(Adapter a) {
    return LocalAnswers.solve(model(a)).first().energy();
  }

  static Predicate<RawHttpServer.Request> submission(Adapter a) {
    return r -> r.method().equals("POST") && r.target().startsWith(a.submit) && !r.target().contains("multipart");
  }

  // ---- the two failures of the issue

  @Test
  void bqmHttpAgainstAnHttp10SamplerAnswersEveryCallNotOnlyTheFirst() {
    front = RawHttpServer.start(RawHttpServer.forwardTo(backend.baseUrl()), Mode.HTTP_1_0, 0);
    Solver s = solver(Adapter.BQM_HTTP, "max_retries", 0);
    for (int i = 0; i < 5; i++) {
      assertThat(s.solve(model(Adapter.BQM_HTTP), SolveRequest.seeded(i)).first().energy()).isEqualTo(best(Adapter.BQM_HTTP));
    }
    assertThat(submissions(Adapter.BQM_HTTP)).isEqualTo(5);
    assertThat(front.connections()).isEqualTo(5);
  }

  @Test
  void dwaveHybridAgainstAnHttp10SapiWith503And429PostsOnce() {
    AtomicInteger status = new AtomicInteger();
    AtomicInteger poll = new AtomicInteger();
    RawHttpServer.Handler relay = RawHttpServer.forwardTo(backend.baseUrl());
    front = RawHttpServer.start(r -> {
      if (r.target().endsWith("/status") && status.getAndIncrement() == 0) {
        return refusal(503);
      }
      if (r.method().equals("GET") && r.target().startsWith("/sapi/problems/?id=") && poll.getAndIncrement() == 0) {
        return refusal(429);
      }
      return relay.handle(r);
    }, Mode.HTTP_1_0, 0);
    Solver s = solver(Adapter.DWAVE_HYBRID, "max_retries", 6);
    assertThat(s.solve(model(Adapter.DWAVE_HYBRID), SolveRequest.seeded(1)).first().energy())
        .isEqualTo(best(Adapter.DWAVE_HYBRID));
    assertThat(submissions(Adapter.DWAVE_HYBRID)).isEqualTo(1);
    assertThat(poll.get()).isGreaterThan(1);
  }

  static RawHttpServer.Response refusal(int status) {
    return new RawHttpServer.Response(status, Map.of("Content-Type", "application/json", "Retry-After", "0"),
        ("{\"error_code\":" + status + ",\"error_msg\":\"busy\"}").getBytes(StandardCharsets.UTF_8));
  }

  // ---- the matrix: every adapter, every way of closing

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void http10OneRequestPerConnection(Adapter a) {
    front = RawHttpServer.start(RawHttpServer.forwardTo(backend.baseUrl()), Mode.HTTP_1_0, 0);
    solveThrice(a, 0);
    assertThat(front.requests()).isEqualTo(front.connections()); // never reused
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void connectionCloseHeader(Adapter a) {
    front = RawHttpServer.start(RawHttpServer.forwardTo(backend.baseUrl()), Mode.CONNECTION_CLOSE, 0);
    solveThrice(a, 0);
    assertThat(front.requests()).isEqualTo(front.connections());
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void keepAliveThatClosesIdleConnections(Adapter a) {
    front = RawHttpServer.start(RawHttpServer.forwardTo(backend.baseUrl()), Mode.KEEP_ALIVE, 20);
    solveThrice(a, 80); // every pooled connection is closed by the server before it is used again
    assertThat(front.connections()).isGreaterThan(1);
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void keepAliveIsStillReused(Adapter a) {
    front = RawHttpServer.start(RawHttpServer.forwardTo(backend.baseUrl()), Mode.KEEP_ALIVE, 0);
    solveThrice(a, 0);
    assertThat(front.connections()).isLessThan(front.requests());
  }

  private void solveThrice(Adapter a, long pauseMillis) {
    Solver s = solver(a);
    for (int i = 0; i < 3; i++) {
      SampleSet r = s.solve(model(a), SolveRequest.seeded(i));
      assertThat(r.first().energy()).isEqualTo(best(a));
      sleep(pauseMillis);
    }
    assertThat(submissions(a)).as("jobs submitted").isEqualTo(3);
  }

  /** A reset after the server read (and processed) the submission: looked up, never re-posted. */
  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aResetAfterTheJobWasCreatedIsNeverReposted(Adapter a) {
    AtomicInteger n = new AtomicInteger();
    Predicate<RawHttpServer.Request> sub = submission(a);
    front = RawHttpServer.start(RawHttpServer.forwardTo(backend.baseUrl()), Mode.KEEP_ALIVE, 0)
        .resetAfterHandling(r -> sub.test(r) && n.getAndIncrement() == (a == Adapter.BQM_HTTP ? 1 : 0));
    Solver s = solver(a);
    if (a == Adapter.BQM_HTTP) {
      s.solve(model(a), SolveRequest.seeded(0)); // warm: the next POST goes out on a reused connection
      assertThatThrownBy(() -> s.solve(model(a), SolveRequest.seeded(1))).isInstanceOf(RemoteUnavailableException.class)
          .hasMessageContaining("the request was not repeated");
      assertThat(submissions(a)).isEqualTo(2);
      return;
    }
    assertThat(s.solve(model(a), SolveRequest.seeded(1)).first().energy()).isEqualTo(best(a));
    assertThat(submissions(a)).as("jobs submitted").isEqualTo(1);
  }

  /** A reset before the server processed the submission: dwave/fujitsu find no job and post again; bqm-http stops. */
  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aResetBeforeAnyJobWasCreatedIsResolved(Adapter a) {
    AtomicInteger n = new AtomicInteger();
    Predicate<RawHttpServer.Request> sub = submission(a);
    front = RawHttpServer.start(RawHttpServer.forwardTo(backend.baseUrl()), Mode.HTTP_1_0, 0)
        .resetBeforeHandling(r -> sub.test(r) && n.getAndIncrement() == 0);
    Solver s = solver(a);
    if (a == Adapter.BQM_HTTP) {
      assertThatThrownBy(() -> s.solve(model(a), SolveRequest.seeded(1))).isInstanceOf(RemoteUnavailableException.class);
      assertThat(submissions(a)).isZero();
      return;
    }
    assertThat(s.solve(model(a), SolveRequest.seeded(1)).first().energy()).isEqualTo(best(a));
    assertThat(submissions(a)).as("jobs submitted").isEqualTo(1);
    assertThat(front.resets()).isEqualTo(1);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
