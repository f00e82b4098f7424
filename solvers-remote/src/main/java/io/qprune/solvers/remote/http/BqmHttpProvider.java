package io.qprune.solvers.remote.http;

import io.qprune.api.Capability;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Solver;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import io.qprune.solvers.remote.internal.Credentials;
import io.qprune.solvers.remote.internal.RemoteSettings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Registers {@code bqm-http}: any sampler that takes dimod BQM JSON and answers with dimod SampleSet JSON. */
public final class BqmHttpProvider implements SolverProvider {
  static final String NAME = "bqm-http";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Self-hosted sampler over HTTP: POST dimod BQM JSON, receive dimod SampleSet JSON (re-scored locally)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> l = new ArrayList<>(RemoteSettings.specs("http://127.0.0.1:8000/sample", "QPRUNE_BQM_HTTP_TOKEN", 0));
    l.add(ParameterSpec.string("auth_header", "Authorization", "header that carries the token, if one is configured"));
    l.add(ParameterSpec.string("auth_scheme", "Bearer", "prefix of the token in that header (empty: the bare token)"));
    l.add(ParameterSpec.string("headers", null, "extra headers, 'Name: value; Name2: value2' (not for secrets)"));
    l.add(ParameterSpec.string("time_limit_query", "time_limit",
        "query parameter that receives 80% of the caller's remaining seconds (empty: not sent)"));
    return l;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.REMOTE, Capability.TIME_LIMIT);
  }

  @Override
  public Solver create(Parameters p) {
    RemoteSettings s = RemoteSettings.of(p);
    Map<String, String> headers = headers(p.has("headers") ? p.getString("headers") : null);
    return new BqmHttpSolver(s, Credentials.find(System.getenv(), s.tokenEnv(), s.tokenFile()),
        p.getString("auth_header"), p.getString("auth_scheme"), headers, p.getString("time_limit_query"));
  }

  static Map<String, String> headers(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return m;
    }
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int c = part.indexOf(':');
      if (c <= 0) {
        throw new InvalidInputException("Parameter 'headers' of solver '" + NAME + "' has '" + part.strip()
            + "'; write headers as 'Name: value; Name2: value2'");
      }
      String name = part.substring(0, c).strip();
      if (name.toLowerCase(Locale.ROOT).matches("authorization|x-api-key|x-auth-token|cookie")) {
        throw new InvalidInputException("Parameter 'headers' of solver '" + NAME + "' sets " + name
            + ", which carries credentials; put the token in the environment variable named by token_env"
            + " (or token_file) and set auth_header instead");
      }
      m.put(name, part.substring(c + 1).strip());
    }
    return m;
  }
}
