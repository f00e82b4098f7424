package io.qprune.api;

import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import io.qprune.api.spi.Suggest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The registry of solvers on the class path, discovered on request (never in a static
 * initialiser) through {@link ServiceLoader}. Look a solver up by name, or create one from a
 * {@link SolverConfig}.
 */
public final class Solvers {
  private final Map<String, SolverProvider> providers;

  private Solvers(Map<String, SolverProvider> providers) {
    this.providers = providers;
  }

  /** Discovers the providers visible to this class's class loader. */
  public static Solvers discover() {
    return discover(Solvers.class.getClassLoader());
  }

  /** Discovers the providers visible to the given class loader. */
  public static Solvers discover(ClassLoader loader) {
    List<SolverProvider> found = new ArrayList<>();
    for (SolverProvider p : ServiceLoader.load(SolverProvider.class, loader)) {
      found.add(p);
    }
    return of(found);
  }

  /** A registry of exactly these providers (names must be distinct). */
  public static Solvers of(List<SolverProvider> list) {
    Map<String, SolverProvider> m = new TreeMap<>();
    for (SolverProvider p : list) {
      SolverProvider old = m.put(p.name(), p);
      if (old != null && !old.getClass().equals(p.getClass())) {
        throw new QpruneException("Two solver providers are named '" + p.name() + "': "
            + old.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return new Solvers(Collections.unmodifiableMap(m));
  }

  /** The known solver names, sorted. */
  public List<String> names() {
    return List.copyOf(providers.keySet());
  }

  /** The providers, sorted by name. */
  public List<SolverProvider> providers() {
    return List.copyOf(providers.values());
  }

  /** The provider of that name; an unknown name is an error listing the known ones. */
  public SolverProvider provider(String name) {
    SolverProvider p = providers.get(name);
    if (p == null) {
      throw new InvalidInputException("Unknown solver '" + name + "'. Known solvers: "
          + (providers.isEmpty() ? "(none on the class path)" : String.join(", ", providers.keySet()))
          + "." + Suggest.maybe(name, providers.keySet()));
    }
    return p;
  }

  /** A solver with parameters validated against its declaration. */
  public Solver create(String name, Map<String, ?> parameters) {
    SolverProvider p = provider(name);
    Parameters params = Parameters.validate(name, p.parameters(), parameters);
    return new CheckedSolver(p, p.create(params));
  }

  /** A solver as the configuration names it (its limits go into {@link SolverConfig#request()}). */
  public Solver create(SolverConfig config) {
    return create(config.solver(), config.parameters());
  }
}
