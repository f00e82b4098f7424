package io.qprune.solvers.remote.fujitsu;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
import java.util.Set;

/** Registers {@code fujitsu-da}: Fujitsu's Digital Annealer through its asynchronous QUBO API. */
public final class FujitsuDaProvider implements SolverProvider {
  static final String NAME = "fujitsu-da";
  static final String ENDPOINT = "https://api.aispf.global.fujitsu.com/da/";
  private static final List<String> TYPED = List.of("num_run", "num_group", "num_output_solution", "gs_level", "gs_cutoff");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Fujitsu Digital Annealer v4 asynchronous QUBO API (remote; job post/poll/result/delete, re-scored locally)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> l = new ArrayList<>(RemoteSettings.specs(ENDPOINT, "FUJITSU_DA_API_KEY", 1.0));
    l.add(ParameterSpec.choice("api_version", "v4", List.of("v4", "v3c"), "Digital Annealer API version"));
    l.add(ParameterSpec.integer("time_limit_sec", null, 1, 3600,
        "solver run time in whole seconds (auto: 10, capped by the caller's time limit, at least 1)"));
    l.add(ParameterSpec.integer("num_run", null, 1, 1024, "parallel annealing runs (service default 16)"));
    l.add(ParameterSpec.integer("num_group", null, 1, 16, "groups of runs (service default 1)"));
    l.add(ParameterSpec.integer("num_output_solution", null, 1, 1024, "solutions returned per group (service default 5)"));
    l.add(ParameterSpec.integer("gs_level", null, 0, 100, "global search level"));
    l.add(ParameterSpec.integer("gs_cutoff", null, 0, 1_000_000, "global search cut-off"));
    l.add(ParameterSpec.real("target_energy", null, -Double.MAX_VALUE, Double.MAX_VALUE, "stop when this energy is reached"));
    l.add(ParameterSpec.bool("delete_job", true, "delete the job and its result on the service once read"));
    return l;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.REMOTE, Capability.TIME_LIMIT);
  }

  @Override
  public Solver create(Parameters p) {
    RemoteSettings s = RemoteSettings.of(p);
    ObjectNode da3 = s.serviceParams().deepCopy();
    DaRequest.check(da3, NAME);
    if (da3.has("time_limit_sec")) {
      throw new InvalidInputException("Give the Digital Annealer's run time as the parameter time_limit_sec,"
          + " not inside service_params (it is combined with the caller's time limit)");
    }
    for (String k : TYPED) {
      if (p.has(k)) {
        da3.put(k, p.getInt(k));
      }
    }
    if (p.has("target_energy")) {
      da3.put("target_energy", p.getDouble("target_energy"));
    }
    return new FujitsuDaSolver(s, Credentials.require(NAME, System.getenv(), s.tokenEnv(), s.tokenFile()),
        p.getString("api_version"), da3, p.has("time_limit_sec") ? p.getInt("time_limit_sec") : null,
        p.getBoolean("delete_job"));
  }
}
