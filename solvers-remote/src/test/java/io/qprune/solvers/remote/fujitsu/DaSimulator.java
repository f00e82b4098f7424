package io.qprune.solvers.remote.fujitsu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.SampleSet;
import io.qprune.solvers.remote.testing.LocalAnswers;
import io.qprune.solvers.remote.testing.Stubs;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Digital Annealer v4 server as a WireMock transformer, after ommx-da4-adapter's mock:
 * jobs go Waiting → Running → Done by time (running {@code time_limit_sec} on a clock where a
 * second lasts {@link #SECOND_NANOS}, to keep the suite fast), answers come from the
 * exact solver (configurations list only the variables that occur in a term), results are
 * deleted on request and Waiting/Running jobs can be cancelled.
 */
public final class DaSimulator implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "da-simulator";
  /** One simulated second. */
  static final long SECOND_NANOS = 50_000_000L;
  private static final ObjectMapper M = new ObjectMapper();
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private static final class Job {
    Qubo model;
    TreeSet<Integer> used = new TreeSet<>();
    long start;
    long due;
    String startTime;
    volatile boolean cancelled;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request r = event.getRequest();
    if (!Stubs.TOKEN.equals(r.getHeader("X-Api-Key"))) {
      return json(401, "{\"error\":{\"code\":\"401\",\"title\":\"Unauthorized\",\"message\":\"Access denied due to invalid header\"}}");
    }
    String path = r.getUrl().replaceFirst("^/da/v4/", "");
    String m = r.getMethod().getName();
    try {
      if (m.equals("POST") && path.equals("async/qubo/solve")) {
        return json(200, "{\"job_id\":\"" + submit(M.readTree(r.getBody())) + "\"}");
      }
      if (m.equals("GET") && path.equals("async/jobs")) {
        ArrayNode list = M.createArrayNode();
        jobs.forEach((id, j) -> list.addObject().put("job_id", id).put("job_status", status(j)).put("start_time", j.startTime));
        ObjectNode o = M.createObjectNode();
        o.set("job_status_list", list);
        return json(200, o.toString());
      }
      if (m.equals("POST") && path.equals("async/jobs/cancel")) {
        Job j = jobs.get(M.readTree(r.getBody()).path("job_id").asText());
        if (j == null) {
          return notFound();
        }
        if (!status(j).equals("Done")) {
          j.cancelled = true;
        }
        return json(200, "{\"status\":\"" + status(j) + "\"}");
      }
      if (path.startsWith("async/jobs/result/")) {
        String id = path.substring("async/jobs/result/".length());
        Job j = m.equals("DELETE") ? jobs.remove(id) : jobs.get(id);
        if (j == null) {
          return notFound();
        }
        String st = status(j);
        if (!st.equals("Done")) {
          return json(200, "{\"status\":\"" + st + "\"}");
        }
        ObjectNode res = result(j);
        res.put("status", m.equals("DELETE") ? "Deleted" : "Done");
        return json(200, res.toString());
      }
    } catch (Exception e) {
      return json(400, M.createObjectNode().set("error", M.createObjectNode().put("code", "400")
          .put("title", "Bad Request").put("message", "simulator: " + e)).toString());
    }
    return notFound();
  }

  private String submit(JsonNode body) {
    int n = 0;
    JsonNode terms = body.path("binary_polynomial").path("terms");
    for (JsonNode t : terms) {
      for (JsonNode p : t.path("p")) {
        n = Math.max(n, p.asInt() + 1);
      }
    }
    Job j = new Job();
    QuboBuilder b = Qubo.builder(n);
    for (JsonNode t : terms) {
      JsonNode p = t.path("p");
      double c = t.path("c").asDouble();
      if (p.size() == 0) {
        b.addOffset(c);
      } else if (p.size() == 1) {
        b.addLinear(p.get(0).asInt(), c);
      } else if (p.size() == 2) {
        b.addQuadratic(p.get(0).asInt(), p.get(1).asInt(), c);
      } else {
        throw new IllegalArgumentException("only degree <= 2 here");
      }
      p.forEach(x -> j.used.add(x.asInt()));
    }
    j.model = b.build();
    j.start = System.nanoTime();
    j.due = j.start + body.path("fujitsuDA3").path("time_limit_sec").asLong(10) * SECOND_NANOS;
    j.startTime = Instant.now().toString();
    String id = "contract-a001-" + ids.incrementAndGet();
    jobs.put(id, j);
    return id;
  }

  private static String status(Job j) {
    if (j.cancelled) {
      return "Canceled";
    }
    long now = System.nanoTime();
    return now >= j.due ? "Done" : now - j.start < 20_000_000L ? "Waiting" : "Running";
  }

  private static ObjectNode result(Job j) {
    SampleSet s = LocalAnswers.solve(j.model);
    ObjectNode sol = M.createObjectNode();
    sol.putArray("progress").addObject().put("energy", s.energy(0)).put("penalty_energy", 0.0).put("time", 0.1);
    sol.put("result_status", true);
    ArrayNode list = sol.putArray("solutions");
    for (int r = 0; r < s.size(); r++) {
      ObjectNode o = list.addObject().put("energy", s.energy(r)).put("penalty_energy", 0.0).put("frequency", 1);
      ObjectNode conf = o.putObject("configuration");
      for (int v : j.used) {
        conf.put(Integer.toString(v), s.bit(r, v));
      }
    }
    sol.putObject("timing").put("solve_time", "10").put("total_elapsed_time", "12");
    ObjectNode res = M.createObjectNode();
    res.set("qubo_solution", sol);
    return res;
  }

  private static ResponseDefinition notFound() {
    return json(404, "{\"error\":{\"code\":404,\"title\":\"Resource Not Found\",\"message\":\"Resource not found.\"}}");
  }

  private static ResponseDefinition json(int status, String body) {
    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body).build();
  }
}
