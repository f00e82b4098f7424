package io.qprune.cluster.spark;

import io.qprune.api.cluster.Cluster;
import io.qprune.api.cluster.ClusterProvider;
import java.util.regex.Pattern;

/** Apache Spark as a qprune cluster: {@code local[N]}, {@code local[*]} or a standalone master. */
public final class SparkClusterProvider implements ClusterProvider {
  static final Pattern LOCAL = Pattern.compile("local\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\]");
  static final Pattern STANDALONE = Pattern.compile("spark://[^\\s:/,]+:[1-9][0-9]{0,4}(,[^\\s:/,]+:[1-9][0-9]{0,4})*");

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public String forms() {
    return "local[N] or local[*] (Spark in this JVM), spark://host:port (a Spark standalone master)";
  }

  @Override
  public boolean accepts(String url) {
    return LOCAL.matcher(url).matches() || STANDALONE.matcher(url).matches();
  }

  @Override
  public Cluster open(String url) {
    return SparkCluster.start(url);
  }
}
