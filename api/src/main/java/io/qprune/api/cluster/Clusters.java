package io.qprune.api.cluster;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Opens a {@link Cluster} from its address: {@code local} (or nothing) runs in this process; any
 * other address goes to the first {@link ClusterProvider} on the class path that accepts it, e.g.
 * {@code local[2]}, {@code local[*]} or {@code spark://host:7077} with qprune-cluster-spark.
 */
public final class Clusters {
  /** The address of the in-process cluster, the default. */
  public static final String IN_PROCESS = "local";
  private static final Pattern SPARK_LIKE = Pattern.compile("local\\[.*|spark://.*");

  private Clusters() {}

  /** The providers on the class path, discovered now (not cached). */
  public static List<ClusterProvider> providers() {
    List<ClusterProvider> out = new ArrayList<>();
    ServiceLoader.load(ClusterProvider.class, Clusters.class.getClassLoader()).forEach(out::add);
    return out;
  }

  /** Whether {@code url} means this process (null, blank or {@code local}). */
  public static boolean isInProcess(String url) {
    return url == null || url.isBlank() || url.strip().equals(IN_PROCESS);
  }

  /** The cluster at {@code url}; an address no provider takes is an error listing the forms known. */
  public static Cluster open(String url) {
    return isInProcess(url) ? new InProcessCluster() : provider(url.strip()).open(url.strip());
  }

  /** Throws the error for an address no provider accepts (checks syntax only, starts nothing). */
  public static void validate(String url) {
    if (!isInProcess(url)) {
      provider(url.strip());
    }
  }

  private static ClusterProvider provider(String u) {
    List<ClusterProvider> found = providers();
    for (ClusterProvider p : found) {
      if (p.accepts(u)) {
        return p;
      }
    }
    if (found.isEmpty() && SPARK_LIKE.matcher(u).matches()) {
      throw new InvalidInputException("Cluster '" + u + "' needs Apache Spark, and no cluster engine is on"
          + " the class path: add the qprune-cluster-spark module (the qprune command has it), or use"
          + " cluster 'local' to run in this process");
    }
    StringBuilder forms = new StringBuilder("'" + IN_PROCESS + "' (this process)");
    for (ClusterProvider p : found) {
      forms.append(", ").append(p.forms()).append(" (").append(p.name()).append(')');
    }
    throw new InvalidInputException("Unknown cluster '" + u + "'. Give " + forms + ".");
  }
}
