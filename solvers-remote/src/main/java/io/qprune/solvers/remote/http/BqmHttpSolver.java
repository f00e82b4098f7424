package io.qprune.solvers.remote.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.qprune.api.Budget;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveInfo;
import io.qprune.api.SolveRequest;
import io.qprune.api.io.BqmJson;
import io.qprune.solvers.remote.RemoteUnavailableException;
import io.qprune.solvers.remote.ServiceErrorDetails;
import io.qprune.solvers.remote.internal.AmbiguousSubmission;
import io.qprune.solvers.remote.internal.Deadline;
import io.qprune.solvers.remote.internal.HttpCaller;
import io.qprune.solvers.remote.internal.HttpCaller.Mode;
import io.qprune.solvers.remote.internal.Json;
import io.qprune.solvers.remote.internal.RemoteSettings;
import io.qprune.solvers.remote.internal.RemoteSolver;
import io.qprune.solvers.remote.internal.Reply;
import io.qprune.solvers.remote.internal.Rescore;
import io.qprune.solvers.remote.internal.SampleSetAnswer;
import io.qprune.solvers.remote.internal.Secret;
import io.qprune.solvers.remote.internal.ServiceErrors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A self-hosted sampler over HTTP: one POST of the model as dimod BQM JSON, the sampler's
 * parameters in the query string, a dimod SampleSet JSON in reply. There is no job to look up,
 * so a request whose outcome is unknown is not repeated.
 */
final class BqmHttpSolver extends RemoteSolver {
  private static final MediaType JSON = MediaType.get("application/json");
  private final Secret token; // may be null
  private final String authHeader;
  private final String authScheme;
  private final Map<String, String> headers;
  private final String timeLimitQuery;
  private final HttpCaller http;

  BqmHttpSolver(RemoteSettings settings, Secret token, String authHeader, String authScheme,
      Map<String, String> headers, String timeLimitQuery) {
    super(BqmHttpProvider.NAME, settings);
    this.token = token;
    this.authHeader = authHeader;
    this.authScheme = authScheme;
    this.headers = headers;
    this.timeLimitQuery = timeLimitQuery;
    this.http = new HttpCaller(settings.httpClient(), settings.retry(), new ServiceErrors(name, token));
  }

  @Override
  protected SampleSet run(Qubo q, SolveRequest request, Budget budget, Job job) {
    HttpUrl.Builder url = settings.endpoint().newBuilder();
    settings.serviceParams().fields().forEachRemaining(f ->
        url.addQueryParameter(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
    if (budget.hasTimeLimit() && !timeLimitQuery.isEmpty()) {
      url.addQueryParameter(timeLimitQuery, String.valueOf(0.8 * budget.remainingNanos() / 1e9));
    }
    job.deadline = Deadline.of(budget, Duration.ZERO, settings.deadlineGrace());
    Request.Builder b = new Request.Builder().url(url.build()).header("Accept", "application/json")
        .post(RequestBody.create(BqmJson.write(q).getBytes(StandardCharsets.UTF_8), JSON));
    headers.forEach(b::header);
    if (token != null) {
      b.header(authHeader, authScheme.isEmpty() ? token.reveal() : authScheme + " " + token.reveal());
    }
    long rem = job.deadline.remainingNanos();
    Duration wait = rem == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(rem); // the sampler may take the whole limit
    Reply r;
    try {
      r = http.call(b.build(), Mode.SUBMIT, job.deadline, null, wait);
    } catch (AmbiguousSubmission a) {
      throw new RemoteUnavailableException(ServiceErrorDetails.of(name, null), name + ": " + http.errors().redact(a.getMessage())
          + ". The sampler may have run; the request was not repeated. Maybe raise request_timeout, or retry.", a.getCause());
    }
    Json.requireJsonType(r, http.errors(), null);
    JsonNode ss = Json.parse(r, http.errors(), null);
    List<Rescore.Row> rows = SampleSetAnswer.rows(ss, q, http.errors(), null);
    job.info.put("service_info", SampleSetAnswer.info(ss));
    return Rescore.build(q, rows, settings.energyTolerance(), http.errors(), null, SolveInfo.empty());
  }

  @Override
  protected void cancel(String jobId, Deadline deadline) {
    // synchronous: aborting the request (done by the caller's cancellation or the deadline) is the cancel
  }

  @Override
  public String toString() {
    return "bqm-http[endpoint=" + settings.endpoint() + ", token=" + (token == null ? "none" : token) + "]";
  }
}
