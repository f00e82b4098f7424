package io.qprune.api.cluster;

/**
 * A distributed engine that can host a {@link Cluster}, found by {@link java.util.ServiceLoader}
 * (list the class in {@code META-INF/services/io.qprune.api.cluster.ClusterProvider}). Providers
 * are cheap to create; the engine starts in {@link #open}.
 */
public interface ClusterProvider {
  /** The engine's name, for messages (e.g. {@code spark}). */
  String name();

  /** The forms of cluster address this provider takes, for messages (e.g. {@code spark://host:port}). */
  String forms();

  /** Whether {@code url} is one of this provider's addresses (a cheap syntactic check). */
  boolean accepts(String url);

  /** Starts (or connects to) the cluster; an unreachable or malformed address is an InvalidInputException. */
  Cluster open(String url);
}
