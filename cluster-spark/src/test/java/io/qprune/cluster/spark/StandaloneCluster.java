package io.qprune.cluster.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on 127.0.0.1 for tests: a master and workers as separate JVMs
 * started from this test's class path, each with 1 core. Workers launch executors from
 * {@code $SPARK_HOME/jars}, so a temporary SPARK_HOME holds links to every jar on the class path
 * (the driver adds its class folders through spark.executor.extraClassPath).
 */
final class StandaloneCluster implements AutoCloseable {
  private final Path home;
  private final Process master;
  private final List<Process> workers = new ArrayList<>();
  final int masterPort;

  StandaloneCluster(Path dir, int workerCount) throws IOException, InterruptedException {
    home = Files.createDirectories(dir.resolve("spark-home"));
    Files.writeString(home.resolve("RELEASE"), "Spark for qprune tests\n");
    Path jars = Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("conf"));
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(jars.resolve(p.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
      }
    }
    masterPort = freePort();
    master = start(dir, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
        Integer.toString(masterPort), "--webui-port", Integer.toString(freePort()));
    awaitPort(masterPort, 90);
    for (int i = 0; i < workerCount; i++) {
      workers.add(start(dir, "worker" + i, "org.apache.spark.deploy.worker.Worker", url(), "--host", "127.0.0.1",
          "--cores", "1", "--memory", "768m", "--webui-port", Integer.toString(freePort()), "--work-dir",
          Files.createDirectories(dir.resolve("work" + i)).toString()));
    }
  }

  String url() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** Kills worker {@code i} and its executor at once, as a crashed machine would go. */
  void killWorker(int i) throws InterruptedException {
    Process w = workers.get(i);
    w.descendants().forEach(ProcessHandle::destroyForcibly);
    w.destroyForcibly();
    w.waitFor(30, TimeUnit.SECONDS);
  }

  boolean workerAlive(int i) {
    return workers.get(i).isAlive();
  }

  private Process start(Path dir, String name, String main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m"));
    for (String opt : System.getProperty("qprune.spark.java.opens", "").split(" ")) {
      if (!opt.isBlank()) {
        cmd.add(opt);
      }
    }
    cmd.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
        main));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("OMP_NUM_THREADS", "1");
    return pb.start();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private void awaitPort(int port, int seconds) throws InterruptedException, IOException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      if (!master.isAlive()) {
        throw new IOException("The Spark master exited with " + master.exitValue() + "; see master.log");
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IOException("The Spark master did not open port " + port + " within " + seconds + " s");
  }

  @Override
  public void close() {
    for (Process p : workers) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    master.descendants().forEach(ProcessHandle::destroyForcibly);
    master.destroyForcibly();
  }
}
