package io.qprune.solvers.remote.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The parameters every remote adapter shares (endpoint, credentials, timeouts, retries, polling,
 * deadline grace, energy tolerance, pass-through service parameters), declared and read in one
 * place. Holds no secret.
 */
public record RemoteSettings(String solver, HttpUrl endpoint, String tokenEnv, String tokenFile,
    Duration connectTimeout, Duration requestTimeout, RetryPolicy retry, Duration pollInterval,
    Duration deadlineGrace, double energyTolerance, ObjectNode serviceParams) {

  /** The shared declarations, with the adapter's defaults for endpoint, token variable and polling. */
  public static List<ParameterSpec> specs(String defaultEndpoint, String defaultTokenEnv, double defaultPoll) {
    List<ParameterSpec> l = new ArrayList<>();
    l.add(ParameterSpec.string("endpoint", defaultEndpoint, "base URL of the service API"));
    l.add(ParameterSpec.string("token_env", defaultTokenEnv, "environment variable holding the API token"));
    l.add(ParameterSpec.string("token_file", null,
        "file holding the token (bare, or a 'token = ...' line as in dwave.conf); used when token_env is unset"));
    l.add(ParameterSpec.real("connect_timeout", 10.0, 0.001, 600, "seconds to open a connection"));
    l.add(ParameterSpec.real("request_timeout", 60.0, 0.001, 3600, "seconds to wait for a reply to one request"));
    l.add(ParameterSpec.integer("max_retries", 6, 0, 100, "extra attempts of a failing idempotent call"));
    l.add(ParameterSpec.real("backoff_initial", 0.5, 0, 600, "seconds before the first retry (doubles each time)"));
    l.add(ParameterSpec.real("backoff_max", 60.0, 0, 3600, "longest wait between retries; longer Retry-After fails"));
    l.add(ParameterSpec.real("poll_interval", defaultPoll, 0, 600, "seconds between job status requests"));
    l.add(ParameterSpec.real("deadline_grace", 10.0, 0, 86400,
        "seconds past the time limit (or the service's minimum run) before the job is cancelled"));
    l.add(ParameterSpec.real("energy_tolerance", 1e-6, 0, 1, "relative disagreement allowed between service and model energies"));
    l.add(ParameterSpec.string("service_params", null, "JSON object of extra service parameters, passed through"));
    return l;
  }

  /** Reads the shared parameters. */
  public static RemoteSettings of(Parameters p) {
    String ep = p.getString("endpoint");
    HttpUrl url = HttpUrl.parse(ep);
    if (url == null) {
      throw new InvalidInputException("Parameter 'endpoint' of solver '" + p.solver() + "' is '" + ep
          + "', which is not an http(s) URL; e.g. https://cloud.dwavesys.com/sapi/");
    }
    return new RemoteSettings(p.solver(), url, p.getString("token_env"),
        p.has("token_file") ? p.getString("token_file") : null, seconds(p, "connect_timeout"),
        seconds(p, "request_timeout"),
        new RetryPolicy(p.getInt("max_retries"), seconds(p, "backoff_initial"), seconds(p, "backoff_max"), 0.5),
        seconds(p, "poll_interval"), seconds(p, "deadline_grace"), p.getDouble("energy_tolerance"),
        Json.objectParam(p.solver(), "service_params", p.has("service_params") ? p.getString("service_params") : null));
  }

  private static Duration seconds(Parameters p, String name) {
    return Duration.ofNanos((long) (p.getDouble(name) * 1e9));
  }

  private static final OkHttpClient BASE = new OkHttpClient();

  /** An OkHttp client with these timeouts; it never logs and shares one connection pool. */
  public OkHttpClient httpClient() {
    return BASE.newBuilder()
        .connectTimeout(connectTimeout.toNanos(), TimeUnit.NANOSECONDS)
        .readTimeout(requestTimeout.toNanos(), TimeUnit.NANOSECONDS)
        .writeTimeout(requestTimeout.toNanos(), TimeUnit.NANOSECONDS)
        .retryOnConnectionFailure(false)
        .build();
  }

  /** The endpoint, taken as a directory, with a relative path (and query) appended. */
  public HttpUrl url(String relative) {
    String base = endpoint.toString();
    HttpUrl dir = base.endsWith("/") ? endpoint : HttpUrl.parse(base + "/");
    HttpUrl u = dir.resolve(relative);
    if (u == null) {
      throw new IllegalArgumentException("bad relative path " + relative);
    }
    return u;
  }
}
