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

/** The registry of black-box optimisers on the class path, discovered on request. */
public final class Optimizers {
  private final Map<String, OptimizerProvider> providers;

  private Optimizers(Map<String, OptimizerProvider> providers) {
    this.providers = providers;
  }

  /** Discovers the providers visible to this class's class loader. */
  public static Optimizers discover() {
    List<OptimizerProvider> found = new ArrayList<>();
    for (OptimizerProvider p : ServiceLoader.load(OptimizerProvider.class, Optimizers.class.getClassLoader())) {
      found.add(p);
    }
    return of(found);
  }

  /** A registry of exactly these providers (names must be distinct). */
  public static Optimizers of(List<OptimizerProvider> list) {
    Map<String, OptimizerProvider> m = new TreeMap<>();
    for (OptimizerProvider p : list) {
      OptimizerProvider old = m.put(p.name(), p);
      if (old != null && !old.getClass().equals(p.getClass())) {
        throw new QpruneException("Two optimiser providers are named '" + p.name() + "': "
            + old.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return new Optimizers(Collections.unmodifiableMap(m));
  }

  /** The known optimiser names, sorted. */
  public List<String> names() {
    return List.copyOf(providers.keySet());
  }

  /** The provider of that name; an unknown name is an error listing the known ones. */
  public OptimizerProvider provider(String name) {
    OptimizerProvider p = providers.get(name);
    if (p == null) {
      throw new InvalidInputException("Unknown black-box optimiser '" + name + "'. Known: "
          + (providers.isEmpty() ? "(none on the class path; add qprune-solvers-local)"
              : String.join(", ", providers.keySet()))
          + "." + Suggest.maybe(name, providers.keySet()));
    }
    return p;
  }

  /** An optimiser with parameters validated against its declaration. */
  public BlackBoxOptimizer create(String name, Map<String, ?> parameters) {
    OptimizerProvider p = provider(name);
    return p.create(Parameters.validate(name, p.parameters(), parameters));
  }
}
