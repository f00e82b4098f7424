package io.qprune.solvers.remote.dwave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.solvers.remote.internal.Deadline;
import io.qprune.solvers.remote.internal.HttpCaller;
import io.qprune.solvers.remote.internal.HttpCaller.Mode;
import io.qprune.solvers.remote.internal.Json;
import io.qprune.solvers.remote.internal.RemoteSettings;
import io.qprune.solvers.remote.internal.Reply;
import io.qprune.solvers.remote.internal.Secret;
import io.qprune.solvers.remote.internal.ServiceErrors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The D-Wave Solver API calls the adapters use: solver definitions, problem submission (a JSON
 * list of jobs), status polling (long-poll), answers, cancellation and label look-up. Every 2xx
 * reply's versioned media type is checked.
 */
final class Sapi {
  static final MediaType JSON = MediaType.get("application/json");
  private final RemoteSettings settings;
  private final Secret token;
  private final HttpCaller http;

  Sapi(RemoteSettings settings, Secret token, String service) {
    this.settings = settings;
    this.token = token;
    this.http = new HttpCaller(settings.httpClient(), settings.retry(), new ServiceErrors(service, token));
  }

  ServiceErrors errors() {
    return http.errors();
  }

  HttpCaller http() {
    return http;
  }

  RemoteSettings settings() {
    return settings;
  }

  Request.Builder request(HttpUrl url, String accept) {
    return new Request.Builder().url(url).header("X-Auth-Token", token.reveal()).header("Accept", accept)
        .header("User-Agent", "qprune-solvers-remote");
  }

  private JsonNode get(HttpUrl url, String kind, Deadline d, String jobId, Duration extraWait) {
    Reply r = http.call(request(url, SapiMedia.accept(kind)).get().build(), Mode.IDEMPOTENT, d, jobId, extraWait);
    SapiMedia.check(r, kind, errors(), jobId);
    return Json.parse(r, errors(), jobId);
  }

  List<SolverDefinition> solvers(Deadline d) {
    JsonNode list = get(settings.url("solvers/remote/"), "solver-definition-list", d, null, Duration.ZERO);
    if (!list.isArray()) {
      throw errors().protocol(null, "GET solvers/remote/ returned " + Json.excerpt(list) + "; expected a list");
    }
    List<SolverDefinition> out = new ArrayList<>();
    list.forEach(n -> out.add(SolverDefinition.of(n)));
    return out;
  }

  SolverDefinition solver(String name, Deadline d) {
    HttpUrl url = settings.url("solvers/remote/").newBuilder().addPathSegment(name).build();
    return SolverDefinition.of(get(url, "solver-definition", d, null, Duration.ZERO));
  }

  /** POSTs a one-job list; returns the job's status object, or throws for an error item. */
  JsonNode submit(ObjectNode job, boolean compress, Deadline d) {
    ArrayNode body = Json.MAPPER.createArrayNode().add(job);
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    Request.Builder b = request(settings.url("problems/"), SapiMedia.accept("problems"));
    if (compress) {
      b.header("Content-Encoding", "deflate").post(RequestBody.create(deflate(bytes), JSON));
    } else {
      b.post(RequestBody.create(bytes, JSON));
    }
    Reply r = http.call(b.build(), Mode.SUBMIT, d, null);
    SapiMedia.check(r, "problems", errors(), null);
    JsonNode item = single(Json.parse(r, errors(), null), r.what());
    if (!item.has("status") && item.has("error_code")) {
      int code = item.path("error_code").asInt(400);
      throw errors().forStatus(new Reply(code, r.contentType(), null, item.toString().getBytes(StandardCharsets.UTF_8),
          "submitting the problem (item error in HTTP " + r.status() + ")"), null, 1);
    }
    return item;
  }

  /** The problem with this label, if it exists (how an ambiguous submission is resolved). */
  Optional<JsonNode> findByLabel(String label, Deadline d) {
    HttpUrl url = settings.url("problems/").newBuilder().addQueryParameter("label", label).build();
    JsonNode list = get(url, "problems", d, null, Duration.ZERO);
    if (!list.isArray()) {
      throw errors().protocol(null, "GET problems/?label= returned " + Json.excerpt(list) + "; expected a list");
    }
    for (JsonNode s : list) {
      if (label.equals(s.path("label").asText(null))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The status of one problem, long-polling up to {@code waitSeconds} (0: answer at once). */
  JsonNode status(String id, int waitSeconds, Deadline d) {
    HttpUrl.Builder u = settings.url("problems/").newBuilder().addQueryParameter("id", id);
    if (waitSeconds > 0) {
      u.addQueryParameter("timeout", Integer.toString(waitSeconds));
    }
    JsonNode list = get(u.build(), "problems", d, id, Duration.ofSeconds(waitSeconds));
    return single(list, "GET problems/?id=" + id);
  }

  /** The full problem, answer included ({@code GET problems/{id}/}). */
  JsonNode problem(String id, Deadline d) {
    HttpUrl url = settings.url("problems/").newBuilder().addPathSegment(id).addPathSegment("").build();
    return get(url, "problem", d, id, Duration.ZERO);
  }

  /** Asks SAPI to cancel; a problem that already finished (409) or vanished (404) needs nothing. */
  void cancel(String id, Deadline d) {
    HttpUrl url = settings.url("problems/").newBuilder().addPathSegment(id).addPathSegment("").build();
    try {
      http.call(request(url, SapiMedia.accept("problem")).delete().build(), Mode.IDEMPOTENT, d, id);
    } catch (io.qprune.solvers.remote.RemoteRejectedException e) {
      if (e.httpStatus() != 409 && e.httpStatus() != 404) {
        throw e;
      }
    }
  }

  private JsonNode single(JsonNode list, String what) {
    if (!list.isArray() || list.size() != 1) {
      throw errors().protocol(null, what + " returned " + Json.excerpt(list) + "; expected a list of one item");
    }
    return list.get(0);
  }

  static byte[] deflate(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
      z.write(data);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("deflate in memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
