package io.qprune.api.blackbox;

import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.Suggest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registry of multi-objective optimisers on the class path, discovered on request. */
public final class MultiObjectiveOptimizers {
  private final Map<String, MultiObjectiveProvider> providers;

  private MultiObjectiveOptimizers(Map<String, MultiObjectiveProvider> providers) {
    this.providers = providers;
  }

  /** Discovers the providers visible to this class's class loader. */
  public static MultiObjectiveOptimizers discover() {
    List<MultiObjectiveProvider> found = new ArrayList<>();
    for (MultiObjectiveProvider p : ServiceLoader.load(MultiObjectiveProvider.class,
        MultiObjectiveOptimizers.class.getClassLoader())) {
      found.add(p);
    }
    return of(found);
  }

  /** A registry of exactly these providers (names must be distinct). */
  public static MultiObjectiveOptimizers of(List<MultiObjectiveProvider> list) {
    Map<String, MultiObjectiveProvider> m = new TreeMap<>();
    for (MultiObjectiveProvider p : list) {
      MultiObjectiveProvider old = m.put(p.name(), p);
      if (old != null && !old.getClass().equals(p.getClass())) {
        throw new QpruneException("Two multi-objective optimiser providers are named '" + p.name() + "': "
            + old.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return new MultiObjectiveOptimizers(Collections.unmodifiableMap(m));
  }

  /** The known optimiser names, sorted. */
  public List<String> names() {
    return List.copyOf(providers.keySet());
  }

  /** The provider of that name; an unknown name is an error listing the known ones. */
  public MultiObjectiveProvider provider(String name) {
    MultiObjectiveProvider p = providers.get(name);
    if (p == null) {
      throw new InvalidInputException("Unknown multi-objective optimiser '" + name + "'. Known: "
          + (providers.isEmpty() ? "(none on the class path; add qprune-solvers-local)"
              : String.join(", ", providers.keySet()))
          + "." + Suggest.maybe(name, providers.keySet()));
    }
    return p;
  }

  /** An optimiser with parameters validated against its declaration. */
  public MultiObjectiveOptimizer create(String name, Map<String, ?> parameters) {
    MultiObjectiveProvider p = provider(name);
    return p.create(Parameters.validate(name, p.parameters(), parameters));
  }
}
