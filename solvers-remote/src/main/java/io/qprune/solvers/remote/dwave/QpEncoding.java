package io.qprune.solvers.remote.dwave;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.solvers.remote.internal.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model placed directly on a QPU's working graph and its {@code qp} encoding: {@code lin} holds a
 * little-endian float64 per qubit of {@code properties.qubits} (NaN for qubits the problem does not
 * use), {@code quad} one per coupler whose ends are both used. QUBO diagonals stay in {@code lin}.
 */
final class QpEncoding {
  private final int[] qubitOf; // model variable -> qubit
  private final Map<Integer, Integer> variableOf;

  private QpEncoding(int[] qubitOf) {
    this.qubitOf = qubitOf;
    this.variableOf = new HashMap<>();
    for (int i = 0; i < qubitOf.length; i++) {
      variableOf.put(qubitOf[i], i);
    }
  }

  /**
   * Places each variable on a qubit: its integer label ({@code byLabel}) or its index, and checks
   * that every qubit is working and every interaction is a working coupler.
   */
  static QpEncoding place(Qubo q, SolverDefinition solver, boolean byLabel) {
    String why = misfit(q, solver, byLabel);
    if (why != null) {
      throw new InvalidInputException(why);
    }
    return new QpEncoding(qubitOf(q, byLabel));
  }

  private static int[] qubitOf(Qubo q, boolean byLabel) {
    int[] qubitOf = new int[q.numVariables()];
    for (int i = 0; i < qubitOf.length; i++) {
      qubitOf[i] = byLabel ? ((Number) q.label(i)).intValue() : i;
    }
    return qubitOf;
  }

  /** Why the model does not sit on the working graph as it is, or null when it does. */
  static String misfit(Qubo q, SolverDefinition solver, boolean byLabel) {
    Set<Integer> working = new HashSet<>();
    for (int qb : solver.qubits()) {
      working.add(qb);
    }
    Set<Long> couplers = new HashSet<>();
    for (int[] c : solver.couplers()) {
      couplers.add(key(c[0], c[1]));
    }
    int n = q.numVariables();
    int[] qubitOf = new int[n];
    for (int i = 0; i < n; i++) {
      Object label = q.label(i);
      boolean integral = (label instanceof Integer || label instanceof Long)
          && ((Number) label).longValue() == ((Number) label).intValue();
      if (byLabel && !integral) {
        return notFit(solver, "variable " + label + " is not a qubit number")
            + " Or set qubit_mapping=index to put variable i on qubit i.";
      }
      int qb = byLabel ? ((Number) label).intValue() : i;
      if (!working.contains(qb)) {
        return notFit(solver, "variable " + label + " would be qubit " + qb + ", which is not a working qubit");
      }
      qubitOf[i] = qb;
    }
    String[] why = {null};
    q.forEachInteraction((i, j, b) -> {
      if (why[0] == null && !couplers.contains(key(qubitOf[i], qubitOf[j]))) {
        why[0] = notFit(solver, "the interaction of " + q.label(i) + " and "
            + q.label(j) + " needs coupler (" + qubitOf[i] + ", " + qubitOf[j] + "), which the solver lacks");
      }
    });
    return why[0];
  }

  private static String notFit(SolverDefinition s, String why) {
    return "The model does not fit the working graph of QPU solver '" + s.name() + "' directly: " + why
        + ". Set embedding=auto (or clique, heuristic) to minor-embed it, or use dwave-hybrid, which takes any model.";
  }

  private static long key(int a, int b) {
    return ((long) Math.min(a, b) << 32) | (Math.max(a, b) & 0xffffffffL);
  }

  /** The {@code data} object of the job: format, lin, quad, offset. */
  ObjectNode encode(Qubo q, SolverDefinition solver) {
    int[] qubits = solver.qubits();
    ByteBuffer lin = ByteBuffer.allocate(8 * qubits.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int qb : qubits) {
      Integer v = variableOf.get(qb);
      lin.putDouble(v == null ? Double.NaN : q.linear(v));
    }
    List<int[]> couplers = solver.couplers();
    ByteBuffer quad = ByteBuffer.allocate(8 * couplers.size()).order(ByteOrder.LITTLE_ENDIAN);
    for (int[] c : couplers) {
      Integer u = variableOf.get(c[0]);
      Integer v = variableOf.get(c[1]);
      if (u != null && v != null) {
        quad.putDouble(q.quadratic(u, v));
      }
    }
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.put("format", "qp");
    data.put("lin", Base64.getEncoder().encodeToString(lin.array()));
    data.put("quad", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(quad.array(), quad.position())));
    data.put("offset", q.offset());
    return data;
  }

  /** The model variable on a qubit, or null. */
  Integer variableOn(int qubit) {
    return variableOf.get(qubit);
  }

  int numVariables() {
    return qubitOf.length;
  }

  /** The qubits in use, in variable order. */
  int[] qubits() {
    return qubitOf.clone();
  }
}
