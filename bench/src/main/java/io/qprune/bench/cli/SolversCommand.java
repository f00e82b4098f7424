package io.qprune.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qprune.api.Solvers;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.SolverProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qprune solvers}: lists the solvers on the class path with their parameters. */
@Command(name = "solvers", mixinStandardHelpOptions = true,
    header = "List the available solvers, their capabilities and parameters.")
public final class SolversCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Option(names = "--remote", paramLabel = "SERVICE",
      description = "List the solvers a remote service offers (dwave); the token comes from the environment or token_file.")
  String remote;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
      description = "Connection parameter for --remote (endpoint, token_env, token_file, request_timeout, ...).")
  Map<String, String> params = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    if (remote != null) {
      return RemoteSolversListing.print(remote, params, json, out);
    }
    Solvers solvers = Solvers.discover();
    if (json) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (SolverProvider p : solvers.providers()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("capabilities", p.capabilities());
        List<Map<String, Object>> params = new ArrayList<>();
        for (ParameterSpec s : p.parameters()) {
          Map<String, Object> pm = new LinkedHashMap<>();
          pm.put("name", s.name());
          pm.put("type", s.type());
          pm.put("default", s.defaultValue());
          pm.put("range", s.rangeText());
          pm.put("description", s.description());
          params.add(pm);
        }
        m.put("parameters", params);
        list.add(m);
      }
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(Map.of("solvers", list)));
      return ExitCodes.OK;
    }
    for (SolverProvider p : solvers.providers()) {
      out.printf("%s — %s%n", p.name(), p.description());
      out.printf("  capabilities: %s%n", p.capabilities().isEmpty() ? "-" : p.capabilities());
      for (ParameterSpec s : p.parameters()) {
        out.printf("  %-16s %-12s default %-10s %-22s %s%n", s.name(), s.type().name().toLowerCase(),
            s.defaultValue() == null ? "auto" : String.valueOf(s.defaultValue()), s.rangeText(),
            s.description());
      }
      out.println();
    }
    out.println("Every solver also takes --seed and --time-limit (or 'seed'/'time_limit' in a config file).");
    out.flush();
    return ExitCodes.OK;
  }
}
