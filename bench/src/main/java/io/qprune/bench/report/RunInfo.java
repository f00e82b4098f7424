package io.qprune.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where and with what a report was made: qprune, Java and OS versions, cores, heap, date. */
public final class RunInfo {
  private RunInfo() {}

  /** Name → value, in display order. */
  public static Map<String, String> collect() {
    Map<String, String> m = new LinkedHashMap<>();
    String v = RunInfo.class.getPackage().getImplementationVersion();
    m.put("qprune", v == null ? "(development build)" : v);
    m.put("date", java.time.Instant.now().toString());
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    m.put("max heap", (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
    m.put("pytorch threads", System.getProperty("ai.djl.pytorch.num_threads", "(default)"));
    return m;
  }
}
