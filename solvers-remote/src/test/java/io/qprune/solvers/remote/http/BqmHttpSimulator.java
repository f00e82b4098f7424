package io.qprune.solvers.remote.http;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.qprune.api.Qubo;
import io.qprune.api.io.BqmJson;
import io.qprune.api.io.SampleSetJson;
import io.qprune.solvers.remote.testing.LocalAnswers;
import io.qprune.solvers.remote.testing.Stubs;
import java.io.ByteArrayInputStream;

/**
 * A self-hosted sampler as a WireMock transformer: reads the posted BQM JSON, answers with the
 * exact solver's SampleSet JSON. A {@code run_seconds} query parameter makes it take that long
 * (cut short by {@code time_limit}, as a sampler that honours it would).
 */
public final class BqmHttpSimulator implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "bqm-http-simulator";

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
    if (!("Bearer " + Stubs.TOKEN).equals(r.getHeader("Authorization"))) {
      return reply(401, "{\"detail\":\"Not authenticated\"}");
    }
    try {
      Qubo q = BqmJson.read(new ByteArrayInputStream(r.getBody()), "request");
      double run = param(r, "run_seconds", 0);
      double limit = param(r, "time_limit", Double.POSITIVE_INFINITY);
      long sleep = (long) (Math.min(run, limit) * 1000);
      if (sleep > 0) {
        Thread.sleep(sleep);
      }
      return reply(200, SampleSetJson.write(LocalAnswers.solve(q)));
    } catch (Exception e) {
      return reply(400, "{\"detail\":\"" + e.getMessage().replace("\"", "'") + "\"}");
    }
  }

  private static double param(Request r, String name, double otherwise) {
    return r.queryParameter(name).isPresent() ? Double.parseDouble(r.queryParameter(name).firstValue()) : otherwise;
  }

  private static ResponseDefinition reply(int status, String body) {
    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body).build();
  }
}
