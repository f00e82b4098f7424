package io.qprune.cluster.spark;

import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.spark.SparkConf;

/**
 * The Spark configuration qprune starts with: every {@code spark.*} system property the user set
 * wins; qprune only fills in what is missing (no web UI, executors on the driver's class path,
 * DJL offline).
 */
final class SparkSettings {
  /** How long to wait for a standalone master to answer a TCP connect. */
  private static final int CONNECT_TIMEOUT_MS = 5000;

  private SparkSettings() {}

  static SparkConf of(String url) {
    SparkConf conf = new SparkConf().setMaster(url).setIfMissing("spark.app.name", "qprune");
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    // every pass of a network is a task's worth of work: no locality wait before running elsewhere
    conf.setIfMissing("spark.locality.wait", "0s");
    if (SparkClusterProvider.LOCAL.matcher(url).matches()) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      return conf;
    }
    String localAddress = reach(url);
    conf.setIfMissing("spark.driver.host", localAddress);
    // executors run qprune's classes from the driver's installation (same path on each node, or
    // override with spark.executor.extraClassPath / spark.jars)
    conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
    conf.setIfMissing("spark.executor.extraJavaOptions", "-Dai.djl.offline=true");
    conf.setIfMissing("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE");
    conf.setIfMissing("spark.task.maxFailures", "4");
    return conf;
  }

  /**
   * Connects to the first master that answers and returns the local address used, which is where
   * the workers can reach the driver; none answering is an InvalidInputException.
   */
  static String reach(String url) {
    StringBuilder failures = new StringBuilder();
    for (String hostPort : url.substring("spark://".length()).split(",")) {
      int colon = hostPort.lastIndexOf(':');
      String host = hostPort.substring(0, colon);
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        return s.getLocalAddress().getHostAddress();
      } catch (IOException e) {
        failures.append(failures.length() == 0 ? "" : "; ").append(hostPort).append(": ").append(e.getMessage());
      }
    }
    throw new InvalidInputException("Spark master " + url + " is not reachable (" + failures + "). Start it"
        + " (sbin/start-master.sh) or check the address; use --cluster local[*] to run Spark in this JVM");
  }
}
