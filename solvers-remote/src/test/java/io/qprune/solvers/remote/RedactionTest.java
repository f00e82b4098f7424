package io.qprune.solvers.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.solvers.remote.testing.Stubs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token appears in no solver's toString nor its parameters; error messages are covered by the fault tests. */
class RedactionTest {
  @Test
  void noAdapterPrintsItsToken() {
    for (String name : new String[] {"dwave-hybrid", "dwave-qpu", "fujitsu-da", "bqm-http"}) {
      Map<String, Object> p = Stubs.fast("http://127.0.0.1:9/x/");
      Solver s = Solvers.discover().create(name, p);
      assertThat(s.toString()).as(name).doesNotContain(Stubs.TOKEN).contains("***");
      assertThat(p.toString()).doesNotContain(Stubs.TOKEN);
    }
  }
}
