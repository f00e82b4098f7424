package io.qprune.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qprune.solvers.remote.RemoteCatalog;
import io.qprune.solvers.remote.RemoteSolverInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code qprune solvers --remote SERVICE}: the solvers a remote service offers, as a table or JSON. */
final class RemoteSolversListing {
  private RemoteSolversListing() {}

  static int print(String service, Map<String, String> params, boolean json, PrintWriter out) throws Exception {
    List<RemoteSolverInfo> list = RemoteCatalog.list(service, params);
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(Map.of("service", service, "solvers", list)));
    } else {
      out.printf("%-44s %-13s %-8s %-7s %-6s %s%n", "solver", "adapter", "status", "category", "load", "problem types");
      for (RemoteSolverInfo s : list) {
        out.printf("%-44s %-13s %-8s %-7s %-6s %s%n", s.name(), s.adapter(), s.status(), s.category(),
            s.avgLoad() == null ? "-" : String.format("%.2f", s.avgLoad()), String.join(",", s.problemTypes()));
      }
      out.println("Use one with: qprune solve FILE --solver ADAPTER --param solver=NAME");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
