package io.qprune.solvers.remote.fujitsu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.solvers.remote.internal.Deadline;
import io.qprune.solvers.remote.internal.HttpCaller;
import io.qprune.solvers.remote.internal.HttpCaller.Mode;
import io.qprune.solvers.remote.internal.Json;
import io.qprune.solvers.remote.internal.RemoteSettings;
import io.qprune.solvers.remote.internal.Reply;
import io.qprune.solvers.remote.internal.Secret;
import io.qprune.solvers.remote.internal.ServiceErrors;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** The Digital Annealer's asynchronous API: post a QUBO job, list jobs, get/delete a result, cancel. */
final class DaClient {
  private static final MediaType JSON = MediaType.get("application/json");
  private final RemoteSettings settings;
  private final Secret key;
  private final String version;
  private final HttpCaller http;

  DaClient(RemoteSettings settings, Secret key, String version, String service) {
    this.settings = settings;
    this.key = key;
    this.version = version;
    this.http = new HttpCaller(settings.httpClient(), settings.retry(), new ServiceErrors(service, key));
  }

  ServiceErrors errors() {
    return http.errors();
  }

  private Request.Builder request(String path) {
    return new Request.Builder().url(settings.url(version + "/" + path)).header("X-Api-Key", key.reveal())
        .header("Accept", "application/json");
  }

  private JsonNode json(Reply r, String jobId) {
    Json.requireJsonType(r, errors(), jobId);
    return Json.parse(r, errors(), jobId);
  }

  /** POST async/qubo/solve; returns the job id. */
  String post(ObjectNode body, Deadline d) {
    Request req = request("async/qubo/solve")
        .post(RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8), JSON)).build();
    JsonNode r = json(http.call(req, Mode.SUBMIT, d, null), null);
    return Json.field(r, "job_id", errors(), null, "The reply to the job submission").asText();
  }

  /** The ids in {@code GET async/jobs}. */
  Set<String> jobs(Deadline d) {
    JsonNode r = json(http.call(request("async/jobs").get().build(), Mode.IDEMPOTENT, d, null), null);
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode j : Json.field(r, "job_status_list", errors(), null, "The job list")) {
      ids.add(j.path("job_id").asText());
    }
    return ids;
  }

  JsonNode result(String id, Deadline d) {
    return json(http.call(request("async/jobs/result/" + id).get().build(), Mode.IDEMPOTENT, d, id), id);
  }

  void delete(String id, Deadline d) {
    http.call(request("async/jobs/result/" + id).delete().build(), Mode.IDEMPOTENT, d, id);
  }

  void cancel(String id, Deadline d) {
    byte[] body = Json.MAPPER.createObjectNode().put("job_id", id).toString().getBytes(StandardCharsets.UTF_8);
    http.call(request("async/jobs/cancel").post(RequestBody.create(body, JSON)).build(), Mode.IDEMPOTENT, d, id);
  }
}
